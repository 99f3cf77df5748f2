using System.Net;
using CecPortal.IntegrationTests.Sharing;
using CecPortal.Testing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Sharing;

/// <summary>A portal on a fake clock, so a test can let an author's mute run out.</summary>
public sealed class ModerationPortalFixture : PortalFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// The moderators' queue and a reported message's page: who may see them, what they show (the copy as reported, the text
/// now, earlier versions), and the actions (hide and show again, dismiss, mute the author), each audited by id.
/// </summary>
public sealed class MessageModerationTests(ModerationPortalFixture portal) : IClassFixture<ModerationPortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PortalFactory.ModeratorEmail)]
    [InlineData(PortalFactory.AdminEmail)]
    public async Task Queue_AsModerationStaff_ListsEachReportedMessageOnceWithItsOpenCount(string staffEmail)
    {
        // Arrange
        var tag = staffEmail.Split('@')[0];
        var (posted, _) = await ReportedAsync($"mm.q.{tag}", $"Queue: fake invoice wave ({tag})", "Click here for the invoice.", ReportReason.Spam);
        await ReportAsync(await portal.MemberAsync($"mm.q.{tag}.second@member.eu"), $"mm.q.{tag}.second@member.eu", posted.MessageId, ReportReason.Misleading);
        using var staff = await portal.SignedInClientAsync(staffEmail);

        // Act
        var queue = await staff.GetDocumentAsync("/admin/sharing/reports");

        // Assert
        var row = queue.QuerySelectorAll($"tr[data-message='{posted.MessageId}']").ShouldHaveSingleItem();
        row.QuerySelector("[data-testid=open-reports]")!.TextContent.ShouldBe("2");
        row.QuerySelector("[data-testid=all-reports]")!.TextContent.ShouldBe("2");
        row.TextContent.ShouldContain($"Queue: fake invoice wave ({tag})");
        row.TextContent.ShouldContain(ReportReason.Spam.Describe());
        row.TextContent.ShouldContain(ReportReason.Misleading.Describe());
    }

    [Fact]
    public async Task QueueAndCase_AsAMember_Forbidden()
    {
        // Arrange
        var (posted, reporterEmail) = await ReportedAsync("mm.forbidden", "Queue: members may not look", "Text.", ReportReason.Abusive);
        using var reporter = await portal.SignedInClientAsync(reporterEmail);

        // Act
        using var queue = await reporter.GetAsync(new Uri("/admin/sharing/reports", UriKind.Relative), Token);
        using var item = await reporter.GetAsync(new Uri($"/admin/sharing/reports/{posted.MessageId}", UriKind.Relative), Token);

        // Assert
        queue.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        item.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Case_EditedAfterTheReport_ShowsTheCopyTheTextNowAndTheEarlierVersionToModeratorsOnly()
    {
        // Arrange
        var (posted, reporterEmail) = await ReportedAsync("mm.edit", "Case: edited after report", "Our SOC saw **Acme VPN** creds from user jdoe.", ReportReason.ConfidentialData);
        var author = await portal.UserIdAsync("mm.edit.author@member.eu");
        await portal.WithServiceAsync<MessageWriter>(w => w.EditAsync(author, posted.MessageId, "Our SOC saw VPN credential stuffing.", TlpLabel.AmberStrict, Token));
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);
        using var reporter = await portal.SignedInClientAsync(reporterEmail);

        // Act
        var page = await moderator.GetDocumentAsync($"/admin/sharing/reports/{posted.MessageId}");
        var topic = await reporter.GetDocumentAsync($"/sharing/t/{posted.TopicId}");

        // Assert
        var report = page.QuerySelector("[data-testid=report]")!;
        report.QuerySelector("[data-testid=snapshot]")!.TextContent.ShouldContain("Our SOC saw **Acme VPN** creds from user jdoe.");
        report.QuerySelector("[data-testid=changed-since]").ShouldNotBeNull();
        report.QuerySelector("[data-testid=reporter]")!.TextContent.ShouldBe("Mm Edit Reporter");
        page.QuerySelector("[data-testid=current-text]")!.TextContent.ShouldContain("Our SOC saw VPN credential stuffing.");
        page.QuerySelector("[data-testid=revision]")!.TextContent.ShouldContain("Our SOC saw **Acme VPN** creds from user jdoe.");
        topic.QuerySelector($"[data-message='{posted.MessageId}']")!.TextContent.ShouldNotContain("jdoe");
        topic.QuerySelector($"[data-message='{posted.MessageId}'] [data-testid=edited]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Case_AMessageNobodyReported_NotFound()
    {
        // Arrange
        var author = await portal.MemberAsync("mm.unreported@member.eu");
        var community = await portal.ChannelAsync("community");
        var posted = await portal.StartTopicAsync(author, community.Id, "Case: not reported", "Nobody reported this.");
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var response = await moderator.GetAsync(new Uri($"/admin/sharing/reports/{posted.MessageId}", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Hide_AsModerator_MembersSeeTheHiddenMarkTheReportsCloseAndBothWaysAreAudited()
    {
        // Arrange
        var (posted, reporterEmail) = await ReportedAsync("mm.hide", "Hide: insult", "You are all idiots.", ReportReason.Abusive);
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);
        using var reporter = await portal.SignedInClientAsync(reporterEmail);
        var moderatorId = await portal.UserIdAsync(PortalFactory.ModeratorEmail);

        // Act
        using var hidden = await moderator.SubmitFormAsync($"/admin/sharing/reports/{posted.MessageId}", new Dictionary<string, string> { ["HiddenReason"] = "Insulting other members." }, "[data-testid=hide-form]");
        var topicWhileHidden = await reporter.GetDocumentAsync($"/sharing/t/{posted.TopicId}");
        var stored = await portal.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == posted.MessageId, Token));
        using var shown = await moderator.SubmitFormAsync($"/admin/sharing/reports/{posted.MessageId}", new Dictionary<string, string>(), "[data-testid=unhide-form]");
        var topicAfter = await reporter.GetDocumentAsync($"/sharing/t/{posted.TopicId}");

        // Assert
        hidden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mark = topicWhileHidden.QuerySelector($"[data-message='{posted.MessageId}']")!;
        mark.QuerySelector("[data-testid=hidden]")!.TextContent.ShouldBe("Hidden by a moderator.");
        mark.TextContent.ShouldNotContain("idiots");
        mark.QuerySelector("[data-testid=report]").ShouldBeNull();
        (stored.HiddenById, stored.HiddenReason, stored.BodyMarkdown).ShouldBe((moderatorId, "Insulting other members.", "You are all idiots."), "kept for the audit");
        var report = await portal.WithDbAsync(db => db.MessageReports.AsNoTracking().SingleAsync(r => r.MessageId == posted.MessageId, Token));
        (report.Resolution, report.ResolvedById).ShouldBe((ReportResolution.MessageHidden, moderatorId));
        shown.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        topicAfter.QuerySelector($"[data-message='{posted.MessageId}'] [data-testid=body]")!.TextContent.ShouldContain("idiots");
        var audit = await AuditAsync($"message:{posted.MessageId}");
        audit.Select(e => e.Action).ShouldBe([MessageReporting.ReportAction, MessageModeration.HideAction, MessageModeration.UnhideAction]);
        audit.Skip(1).ShouldAllBe(e => e.ActorId == moderatorId);
        audit.ShouldAllBe(e => e.Note == null || (!e.Note.Contains("idiots") && !e.Note.Contains("Insulting")));
    }

    [Fact]
    public async Task Hide_WithoutAReason_ReshowsThePageWithTheMessageAndHidesNothing()
    {
        // Arrange
        var (posted, _) = await ReportedAsync("mm.noreason", "Hide: no reason", "Borderline text.", ReportReason.Misleading);
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var response = await moderator.SubmitFormAsync($"/admin/sharing/reports/{posted.MessageId}", new Dictionary<string, string> { ["HiddenReason"] = "  " }, "[data-testid=hide-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=hide-error]")!.TextContent.ShouldContain("Give a reason");
        (await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == posted.MessageId).Select(m => m.HiddenAt).SingleAsync(Token))).ShouldBeNull();
    }

    [Fact]
    public async Task Dismiss_OpenReports_ClosesThemLeavesTheMessageAndAuditsIt()
    {
        // Arrange
        var (posted, reporterEmail) = await ReportedAsync("mm.dismiss", "Dismiss: fine after all", "A fair question about NIS2 reporting.", ReportReason.Misleading);
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var response = await moderator.SubmitFormAsync($"/admin/sharing/reports/{posted.MessageId}", new Dictionary<string, string>(), "[data-testid=dismiss-form]");
        var queue = await moderator.GetDocumentAsync("/admin/sharing/reports");
        var reportAgain = await (await portal.SignedInClientAsync(reporterEmail)).GetDocumentAsync($"/sharing/m/{posted.MessageId}/report");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await portal.WithDbAsync(db => db.MessageReports.AsNoTracking().SingleAsync(r => r.MessageId == posted.MessageId, Token));
        report.Resolution.ShouldBe(ReportResolution.Dismissed);
        (await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == posted.MessageId).Select(m => m.HiddenAt).SingleAsync(Token))).ShouldBeNull();
        queue.QuerySelector($"tr[data-message='{posted.MessageId}'] [data-testid=open-reports]")!.TextContent.ShouldBe("0");
        (await AuditAsync($"message:{posted.MessageId}")).Select(e => e.Action).ShouldContain(MessageModeration.DismissAction);
        reportAgain.QuerySelector("[data-testid=report-form]").ShouldNotBeNull("once closed, the member may report the message again");
    }

    [Fact]
    public async Task Silence_TheAuthor_RefusesTheirPostsKeepingTheTextUntilTheMuteEnds()
    {
        // Arrange
        var (posted, _) = await ReportedAsync("mm.silence", "Silence: flame war", "Everyone else is wrong.", ReportReason.Abusive);
        var author = await portal.UserIdAsync("mm.silence.author@member.eu");
        var community = await portal.ChannelAsync("community");
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var silenced = await moderator.SubmitFormAsync($"/admin/sharing/reports/{posted.MessageId}", new Dictionary<string, string> { ["Duration"] = "01:00:00" }, "[data-testid=silence-form]");
        using var muted = await portal.SignedInClientAsync("mm.silence.author@member.eu");
        using var refused = await muted.SubmitFormAsync($"/sharing/t/{posted.TopicId}", new Dictionary<string, string> { ["Input.Body"] = "And another thing I typed at length." }, "[data-testid=reply-form]");
        var refusedPage = await refused.ReadDocumentAsync();
        portal.Clock.Advance(TimeSpan.FromMinutes(61));
        using var later = await portal.SignedInClientAsync("mm.silence.author@member.eu");
        using var accepted = await later.SubmitFormAsync($"/sharing/t/{posted.TopicId}", new Dictionary<string, string> { ["Input.Body"] = "Sorry, I calmed down." }, "[data-testid=reply-form]");

        // Assert
        silenced.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        refusedPage.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("A moderator has muted you in this channel");
        refusedPage.QuerySelector("[data-testid=compose-body]")!.TextContent.ShouldBe("And another thing I typed at length.");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var bodies = await portal.WithDbAsync(db => db.Messages.Where(m => m.TopicId == posted.TopicId).OrderBy(m => m.Seq).Select(m => m.BodyMarkdown).ToListAsync(Token));
        bodies.ShouldBe(["Everyone else is wrong.", "Sorry, I calmed down."]);
        var subscription = await portal.WithDbAsync(db => db.ChannelSubscriptions.AsNoTracking().SingleAsync(s => s.ChannelId == community.Id && s.UserId == author, Token));
        subscription.SilencedUntil.ShouldNotBeNull();
        var audit = await AuditAsync(ChannelAdministration.Subject(community.Id));
        audit.Where(e => e.Action == MessageModeration.SilenceAction).ShouldHaveSingleItem().Note!.ShouldStartWith($"user:{author} until ");
    }

    [Fact]
    public async Task Silence_AnAuthorWhoLeftTheWorkingGroup_RefusedWithoutAddingThemBack()
    {
        // Arrange
        var author = await portal.MemberAsync("mm.left.author@member.eu");
        var reporter = await portal.MemberAsync("mm.left.reporter@member.eu");
        var group = await portal.GroupAsync("mm-left-group", ChannelKind.WorkingGroup, TlpLabel.Amber, author, reporter);
        var posted = await portal.StartTopicAsync(author, group, "Silence: left the group", "Parting shot.");
        await ReportAsync(reporter, "mm.left.reporter@member.eu", posted.MessageId, ReportReason.Abusive);
        await portal.WithDbAsync(db => db.ChannelSubscriptions.Where(s => s.ChannelId == group && s.UserId == author).ExecuteDeleteAsync(Token));
        using var moderator = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        using var response = await moderator.SubmitFormAsync($"/admin/sharing/reports/{posted.MessageId}", new Dictionary<string, string> { ["Duration"] = "1.00:00:00" }, "[data-testid=silence-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("no longer in this working group");
        (await portal.WithDbAsync(db => db.ChannelSubscriptions.AnyAsync(s => s.ChannelId == group && s.UserId == author, Token))).ShouldBeFalse();
    }

    /// <summary>A topic by "{prefix}.author" in the community channel, reported by "{prefix}.reporter"; returns the reporter's email.</summary>
    private async Task<(PostedMessage Posted, string ReporterEmail)> ReportedAsync(string prefix, string subject, string body, ReportReason reason)
    {
        var author = await portal.MemberAsync($"{prefix}.author@member.eu");
        var reporterEmail = $"{prefix}.reporter@member.eu";
        var reporter = await portal.MemberAsync(reporterEmail);
        var community = await portal.ChannelAsync("community");
        var posted = await portal.StartTopicAsync(author, community.Id, subject, body);
        await ReportAsync(reporter, reporterEmail, posted.MessageId, reason);
        return (posted, reporterEmail);
    }

    private Task ReportAsync(string reporterId, string email, Guid messageId, ReportReason reason) =>
        portal.WithServiceAsync<MessageReporting>(r => r.ReportAsync(new Actor(reporterId, email), messageId, reason, null, Token));

    private Task<List<CecPortal.Web.Infrastructure.Audit.AuditEntry>> AuditAsync(string subject) =>
        portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Id).ToListAsync(Token));
}
