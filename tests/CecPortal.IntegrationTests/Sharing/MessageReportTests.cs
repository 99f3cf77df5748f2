using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// Members reporting a message, through the pages: the Report link on others' messages, the report keeping the text as
/// reported, one open report per member and message, 404 for what the member may not read; and the Manage members link
/// a working group's moderators get on its page.
/// </summary>
public sealed class MessageReportTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_AnotherMembersMessage_StoresReasonNoteAndACopyThatSurvivesTheAuthorsEdit()
    {
        // Arrange
        var author = await portal.MemberAsync("mr.author@member.eu");
        var reporter = await portal.MemberAsync("mr.reporter@member.eu");
        var community = await portal.ChannelAsync("community");
        var posted = await portal.StartTopicAsync(author, community.Id, "Report: leaked indicators", "Indicators from the **RED** briefing: 198.51.100.7");
        using var client = await portal.SignedInClientAsync("mr.reporter@member.eu");
        var topic = await client.GetDocumentAsync($"/sharing/t/{posted.TopicId}");

        // Act
        using var response = await client.SubmitFormAsync($"/sharing/m/{posted.MessageId}/report", new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(ReportReason.TlpBreach),
            ["Input.Note"] = "These came under TLP:RED.",
        }, "[data-testid=report-form]");
        await portal.WithServiceAsync<MessageWriter>(w => w.EditAsync(author, posted.MessageId, "Removed what should not be here.", TlpLabel.Amber, Token));
        var again = await client.GetDocumentAsync($"/sharing/m/{posted.MessageId}/report");

        // Assert
        topic.QuerySelector($"[data-message='{posted.MessageId}'] [data-testid=report]")!.GetAttribute("href").ShouldBe($"/sharing/m/{posted.MessageId}/report");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/sharing/m/{posted.MessageId}");
        var report = await portal.WithDbAsync(db => db.MessageReports.AsNoTracking().SingleAsync(r => r.MessageId == posted.MessageId, Token));
        (report.ReporterId, report.Reason, report.Note).ShouldBe((reporter, ReportReason.TlpBreach, "These came under TLP:RED."));
        (report.ReportedBody, report.ReportedTlp).ShouldBe(("Indicators from the **RED** briefing: 198.51.100.7", TlpLabel.Amber));
        report.IsOpen.ShouldBeTrue();
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == MessageReporting.ReportAction && e.Subject == MessageReporting.Subject(posted.MessageId), Token));
        (audit.ActorId, audit.Note).ShouldBe((reporter, $"report:{report.Id}"));
        again.QuerySelector("[data-testid=already-reported]").ShouldNotBeNull();
        again.QuerySelector("[data-testid=report-form]").ShouldBeNull();
    }

    [Fact]
    public async Task Report_TheSameMessageAgainWhileOpen_RefusedSayingSo()
    {
        // Arrange
        var author = await portal.MemberAsync("mr.twice.author@member.eu");
        var reporter = await portal.MemberAsync("mr.twice.reporter@member.eu");
        var community = await portal.ChannelAsync("community");
        var posted = await portal.StartTopicAsync(author, community.Id, "Report: twice", "Buy our firewall now!");
        var actor = new Actor(reporter, "mr.twice.reporter@member.eu");
        await portal.WithServiceAsync<MessageReporting>(r => r.ReportAsync(actor, posted.MessageId, ReportReason.Spam, null, Token));

        // Act: a second tab that still shows the form
        var refusal = await Should.ThrowAsync<SharingRuleException>(() => portal.WithServiceAsync<MessageReporting>(r => r.ReportAsync(actor, posted.MessageId, ReportReason.Abusive, null, Token)));

        // Assert
        refusal.Message.ShouldContain("already reported this message");
        (await portal.WithDbAsync(db => db.MessageReports.CountAsync(r => r.MessageId == posted.MessageId, Token))).ShouldBe(1);
    }

    [Fact]
    public async Task Report_AMessageInAWorkingGroupOfOthers_NotFoundAndNothingStored()
    {
        // Arrange
        var author = await portal.MemberAsync("mr.wg.author@member.eu");
        await portal.MemberAsync("mr.wg.outsider@member.eu");
        var group = await portal.GroupAsync("mr-closed-group", ChannelKind.WorkingGroup, TlpLabel.Amber, author);
        var posted = await portal.StartTopicAsync(author, group, "Report: closed group", "Only for the group.");
        using var outsider = await portal.SignedInClientAsync("mr.wg.outsider@member.eu");
        using var member = await portal.SignedInClientAsync("mr.wg.author@member.eu");
        var form = await member.GetDocumentAsync($"/sharing/m/{posted.MessageId}/report");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Act
        using var get = await outsider.GetAsync(new Uri($"/sharing/m/{posted.MessageId}/report", UriKind.Relative), Token);
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("Input.Reason", nameof(ReportReason.Spam)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        using var post = await outsider.PostAsync(new Uri($"/sharing/m/{posted.MessageId}/report", UriKind.Relative), content, Token);

        // Assert
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        (await portal.WithDbAsync(db => db.MessageReports.AnyAsync(r => r.MessageId == posted.MessageId, Token))).ShouldBeFalse();
    }

    [Fact]
    public async Task Report_OwnMessage_NoLinkAndNoForm()
    {
        // Arrange
        var author = await portal.MemberAsync("mr.own@member.eu");
        var community = await portal.ChannelAsync("community");
        var posted = await portal.StartTopicAsync(author, community.Id, "Report: my own", "My own words.");
        using var client = await portal.SignedInClientAsync("mr.own@member.eu");

        // Act
        var topic = await client.GetDocumentAsync($"/sharing/t/{posted.TopicId}");
        var report = await client.GetDocumentAsync($"/sharing/m/{posted.MessageId}/report");

        // Assert
        topic.QuerySelector($"[data-message='{posted.MessageId}'] [data-testid=report]").ShouldBeNull();
        report.QuerySelector("[data-testid=cannot-report]").ShouldNotBeNull();
        report.QuerySelector("[data-testid=report-form]").ShouldBeNull();
    }

    [Fact]
    public async Task Report_OtherWithoutANote_ReshowsTheFormWithTheMessageUnderTheNote()
    {
        // Arrange
        var author = await portal.MemberAsync("mr.other.author@member.eu");
        await portal.MemberAsync("mr.other.reporter@member.eu");
        var community = await portal.ChannelAsync("community");
        var posted = await portal.StartTopicAsync(author, community.Id, "Report: other", "Something odd.");
        using var client = await portal.SignedInClientAsync("mr.other.reporter@member.eu");

        // Act
        using var response = await client.SubmitFormAsync($"/sharing/m/{posted.MessageId}/report", new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(ReportReason.Other),
            ["Input.Note"] = "   ",
        }, "[data-testid=report-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=note-error]")!.TextContent.ShouldContain("what is wrong");
        page.QuerySelector("#reason-Other")!.HasAttribute("checked").ShouldBeTrue();
        (await portal.WithDbAsync(db => db.MessageReports.AnyAsync(r => r.MessageId == posted.MessageId, Token))).ShouldBeFalse();
    }

    [Fact]
    public async Task ChannelPage_WorkingGroup_OffersManageMembersToItsModeratorsOnly()
    {
        // Arrange
        var moderator = await portal.MemberAsync("mr.groupmod@member.eu");
        var member = await portal.MemberAsync("mr.groupmember@member.eu");
        var group = await portal.GroupAsync("mr-managed-group", ChannelKind.WorkingGroup, TlpLabel.Amber, moderator, member);
        await portal.WithDbAsync(db => db.ChannelSubscriptions.Where(s => s.ChannelId == group && s.UserId == moderator)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Role, SubscriptionRole.GroupModerator), Token));
        using var moderatorClient = await portal.SignedInClientAsync("mr.groupmod@member.eu");
        using var memberClient = await portal.SignedInClientAsync("mr.groupmember@member.eu");

        // Act
        var asModerator = await moderatorClient.GetDocumentAsync("/sharing/c/mr-managed-group");
        var asMember = await memberClient.GetDocumentAsync("/sharing/c/mr-managed-group");
        var community = await moderatorClient.GetDocumentAsync("/sharing/c/community");

        // Assert
        asModerator.QuerySelector("[data-testid=manage-members]")!.GetAttribute("href").ShouldBe("/sharing/members/mr-managed-group");
        asMember.QuerySelector("[data-testid=manage-members]").ShouldBeNull();
        community.QuerySelector("[data-testid=manage-members]").ShouldBeNull();
    }
}
