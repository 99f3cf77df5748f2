using System.Net;
using CecPortal.IntegrationTests.Membership;
using CecPortal.Testing;
using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// The sharing space through its pages, without JavaScript: start a topic, reply, edit within the window, delete as a
/// tombstone, unread counts, the TLP rules, 404 for what a member may not read, and the safe Markdown.
/// </summary>
public sealed class SharingPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartTopic_OnTheChannelPage_RedirectsToTheTopicShowingTheMessage()
    {
        // Arrange
        await portal.MemberAsync("sp.author@member.eu");
        using var client = await portal.SignedInClientAsync("sp.author@member.eu");

        // Act
        using var response = await client.SubmitFormAsync("/sharing/c/community", new Dictionary<string, string>
        {
            ["Input.Subject"] = "Anyone else seeing this phishing wave?",
            ["Input.Body"] = "We see **lots** of invoices from a fake supplier since 09:00.",
        }, "[data-testid=topic-form]");
        var topicUrl = response.Headers.Location!.OriginalString;
        var page = await client.GetDocumentAsync(topicUrl);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        topicUrl.ShouldStartWith("/sharing/t/");
        topicUrl.ShouldContain("#m-");
        page.QuerySelector("[data-testid=topic-subject]")!.TextContent.ShouldBe("Anyone else seeing this phishing wave?");
        var message = page.QuerySelector("[data-testid=message]")!;
        message.QuerySelector("[data-testid=author]")!.TextContent.ShouldBe("Sp Author");
        message.QuerySelector("[data-testid=tlp]")!.TextContent.ShouldBe("TLP:AMBER");
        message.QuerySelector("[data-testid=body] strong")!.TextContent.ShouldBe("lots");
    }

    [Fact]
    public async Task StartTopic_LooserTlpThanTheChannel_RefusedWithTheTextKeptAndNothingSaved()
    {
        // Arrange
        await portal.MemberAsync("sp.looser@member.eu");
        using var client = await portal.SignedInClientAsync("sp.looser@member.eu");

        // Act
        using var response = await client.SubmitFormAsync("/sharing/c/community", new Dictionary<string, string>
        {
            ["Input.Subject"] = "Loose label",
            ["Input.Body"] = "Text I do not want to lose.",
            ["Input.Tlp"] = nameof(TlpLabel.Green),
        }, "[data-testid=topic-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Tlp']")!.TextContent.ShouldContain("never looser");
        page.QuerySelector("[data-testid=compose-body]")!.TextContent.ShouldBe("Text I do not want to lose.");
        page.QuerySelector("[data-testid=topic-subject-input]")!.GetAttribute("value").ShouldBe("Loose label");
        (await portal.WithDbAsync(db => db.Topics.CountAsync(t => t.Subject == "Loose label", Token))).ShouldBe(0);
    }

    [Fact]
    public async Task StartTopic_RedOutsideAWorkingGroup_RefusedButAcceptedInOne()
    {
        // Arrange
        var member = await portal.MemberAsync("sp.red@member.eu");
        await portal.GroupAsync("sp-red-group", ChannelKind.WorkingGroup, TlpLabel.Amber, member);
        using var client = await portal.SignedInClientAsync("sp.red@member.eu");
        var fields = new Dictionary<string, string>
        {
            ["Input.Subject"] = "Red details",
            ["Input.Body"] = "Names of the affected hospital.",
            ["Input.Tlp"] = nameof(TlpLabel.Red),
        };

        // Act
        using var refused = await client.SubmitFormAsync("/sharing/c/community", fields, "[data-testid=topic-form]");
        var refusedPage = await refused.ReadDocumentAsync();
        using var accepted = await client.SubmitFormAsync("/sharing/c/sp-red-group", fields, "[data-testid=topic-form]");
        var topicPage = await client.GetDocumentAsync(accepted.Headers.Location!.OriginalString);

        // Assert
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        refusedPage.QuerySelector("[data-valmsg-for='Input.Tlp']")!.TextContent.ShouldContain("TLP:RED is only for working groups");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        topicPage.QuerySelector("[data-testid=message] [data-testid=tlp]")!.TextContent.ShouldBe("TLP:RED");
    }

    [Fact]
    public async Task StartTopic_EmptySubject_ReshowsTheFormWithTheMessageKept()
    {
        // Arrange
        await portal.MemberAsync("sp.empty@member.eu");
        using var client = await portal.SignedInClientAsync("sp.empty@member.eu");

        // Act
        using var response = await client.SubmitFormAsync("/sharing/c/community", new Dictionary<string, string>
        {
            ["Input.Subject"] = "   ",
            ["Input.Body"] = "A message without a subject.",
        }, "[data-testid=topic-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Subject']")!.TextContent.ShouldContain("subject");
        page.QuerySelector("[data-testid=compose-body]")!.TextContent.ShouldBe("A message without a subject.");
    }

    [Fact]
    public async Task Reply_OverThePostingRate_RefusedWithTheTextKeptAndNothingSaved()
    {
        // Arrange: the member has used up the minute's posts (10 by default)
        var member = await portal.MemberAsync("sp.fast@member.eu");
        var channel = (await portal.ChannelAsync("community")).Id;
        var posted = await portal.StartTopicAsync(member, channel, "Fast poster", "One.");
        for (var i = 2; i <= 10; i++)
        {
            await portal.ReplyAsync(member, posted.TopicId, $"Reply {i}.");
        }

        using var client = await portal.SignedInClientAsync("sp.fast@member.eu");

        // Act
        using var response = await client.SubmitFormAsync($"/sharing/t/{posted.TopicId}", new Dictionary<string, string>
        {
            ["Input.Body"] = "The eleventh, which must not be lost.",
        }, "[data-testid=reply-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("Wait a moment");
        page.QuerySelector("[data-testid=compose-body]")!.TextContent.ShouldBe("The eleventh, which must not be lost.");
        (await portal.WithDbAsync(db => db.Messages.CountAsync(m => m.TopicId == posted.TopicId, Token))).ShouldBe(10);
    }

    [Fact]
    public async Task Reply_WhileTheInstanceWritesAsManyMessagesAsItMay_RefusedWithTheTextKeptAndNothingSaved()
    {
        // Arrange: every one of the instance's concurrent writes is taken (16 by default), as under a burst of posts.
        var member = await portal.MemberAsync("sp.busy@member.eu");
        var posted = await portal.StartTopicAsync(member, (await portal.ChannelAsync("community")).Id, "Busy moment", "One.");
        using var client = await portal.SignedInClientAsync("sp.busy@member.eu");
        var limiter = portal.Factory.Services.GetRequiredService<PostingRateLimiter>();
        var taken = new List<IDisposable>();
        for (var i = 0; i < 16; i++)
        {
            taken.Add(await limiter.EnterWriteAsync(Token));
        }

        // Act
        HttpResponseMessage response;
        try
        {
            response = await client.SubmitFormAsync($"/sharing/t/{posted.TopicId}", new Dictionary<string, string>
            {
                ["Input.Body"] = "Sent at the busiest moment, and not lost.",
            }, "[data-testid=reply-form]");
        }
        finally
        {
            taken.ForEach(t => t.Dispose());
        }

        using var refused = response;
        var page = await refused.ReadDocumentAsync();
        using var again = await client.SubmitFormAsync($"/sharing/t/{posted.TopicId}", new Dictionary<string, string>
        {
            ["Input.Body"] = "Sent again a moment later.",
        }, "[data-testid=reply-form]");

        // Assert: refused while busy, with the text kept; accepted once writes are free again.
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("very busy");
        page.QuerySelector("[data-testid=compose-body]")!.TextContent.ShouldBe("Sent at the busiest moment, and not lost.");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Messages.Where(m => m.TopicId == posted.TopicId).Select(m => m.BodyMarkdown).ToListAsync(Token)))
            .ShouldBe(["One.", "Sent again a moment later."], ignoreOrder: true);
    }

    [Fact]
    public async Task Reply_StricterLabel_ShownUnderItsOwnLabel()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.strict@member.eu");
        var posted = await portal.StartTopicAsync(author, (await portal.ChannelAsync("community")).Id, "Strict reply", "First.");
        using var client = await portal.SignedInClientAsync("sp.strict@member.eu");

        // Act
        using var response = await client.SubmitFormAsync($"/sharing/t/{posted.TopicId}", new Dictionary<string, string>
        {
            ["Input.Body"] = "Only for my organisation.",
            ["Input.Tlp"] = nameof(TlpLabel.AmberStrict),
        }, "[data-testid=reply-form]");
        var page = await client.GetDocumentAsync($"/sharing/t/{posted.TopicId}");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelectorAll("[data-testid=message] [data-testid=tlp]").Select(t => t.TextContent).ShouldBe(["TLP:AMBER", "TLP:AMBER+STRICT"]);
    }

    [Fact]
    public async Task Unread_PeerPostsInTheSector_CountedUntilTheTopicIsOpened()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.unread.author@member.eu", sector: "space");
        await portal.MemberAsync("sp.unread.reader@member.eu", sector: "space");
        var sector = await portal.ChannelAsync("sector-space");
        var posted = await portal.StartTopicAsync(author, sector.Id, "Satellite link jamming", "Anyone else?");
        await portal.ReplyAsync(author, posted.TopicId, "It started at 10:00.");
        using var reader = await portal.SignedInClientAsync("sp.unread.reader@member.eu");

        // Act
        var before = await reader.GetDocumentAsync("/sharing");
        var channelPage = await reader.GetDocumentAsync("/sharing/c/sector-space");
        await reader.GetDocumentAsync($"/sharing/t/{posted.TopicId}");
        var after = await reader.GetDocumentAsync("/sharing");
        await portal.ReplyAsync(author, posted.TopicId, "Now it stopped.");
        var again = await reader.GetDocumentAsync("/sharing");

        // Assert
        before.QuerySelector("[data-channel=sector-space] [data-testid=channel-unread]")!.TextContent.ShouldBe("2");
        channelPage.QuerySelector($"[data-topic='{posted.TopicId}'] [data-testid=topic-unread]")!.TextContent.ShouldBe("2");
        after.QuerySelector("[data-channel=sector-space] [data-testid=channel-unread]").ShouldBeNull();
        again.QuerySelector("[data-channel=sector-space] [data-testid=channel-unread]")!.TextContent.ShouldBe("1");
    }

    [Fact]
    public async Task MarkRead_Channel_ClearsItsUnreadCount()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.mark.author@member.eu", sector: "food");
        await portal.MemberAsync("sp.mark.reader@member.eu", sector: "food");
        await portal.StartTopicAsync(author, (await portal.ChannelAsync("sector-food")).Id, "Recall notice", "Spoofed recall emails.");
        using var reader = await portal.SignedInClientAsync("sp.mark.reader@member.eu");

        // Act
        using var response = await reader.SubmitFormAsync("/sharing/c/sector-food", new Dictionary<string, string>(), "form[action*='handler=MarkRead']");
        var home = await reader.GetDocumentAsync("/sharing");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.QuerySelector("[data-channel=sector-food] [data-testid=channel-unread]").ShouldBeNull();
    }

    [Fact]
    public async Task Edit_WithinTheWindow_ShowsEditedAndKeepsTheRevision()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.edit@member.eu");
        var posted = await portal.StartTopicAsync(author, (await portal.ChannelAsync("community")).Id, "Typo topic", "Teh first text.");
        using var client = await portal.SignedInClientAsync("sp.edit@member.eu");

        // Act
        using var response = await client.SubmitFormAsync($"/sharing/m/{posted.MessageId}/edit", new Dictionary<string, string>
        {
            ["Input.Body"] = "The first text.",
        }, "[data-testid=edit-form]");
        var page = await client.GetDocumentAsync($"/sharing/t/{posted.TopicId}");
        var revisions = await portal.WithDbAsync(db => db.MessageRevisions.Where(r => r.MessageId == posted.MessageId).Select(r => r.BodyMarkdown).ToListAsync(Token));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector("[data-testid=body]")!.TextContent.Trim().ShouldBe("The first text.");
        page.QuerySelector("[data-testid=edited]").ShouldNotBeNull();
        revisions.ShouldBe(["Teh first text."]);
    }

    [Fact]
    public async Task Edit_AfterTheWindowOrBySomeoneElse_IsNotFound()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.late@member.eu");
        await portal.MemberAsync("sp.other@member.eu");
        var channel = (await portal.ChannelAsync("community")).Id;
        var late = await portal.StartTopicAsync(author, channel, "Late edit", "Posted long ago.");
        var fresh = await portal.StartTopicAsync(author, channel, "Someone else's", "Not yours.");
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE messages SET \"CreatedAt\" = now() - interval '16 minutes' WHERE \"Id\" = {late.MessageId}", Token));
        using var authorClient = await portal.SignedInClientAsync("sp.late@member.eu");
        using var otherClient = await portal.SignedInClientAsync("sp.other@member.eu");

        // Act
        using var lateEdit = await authorClient.GetAsync(new Uri($"/sharing/m/{late.MessageId}/edit", UriKind.Relative), Token);
        using var otherEdit = await otherClient.GetAsync(new Uri($"/sharing/m/{fresh.MessageId}/edit", UriKind.Relative), Token);
        using var otherPost = await otherClient.PostAsync($"/sharing/m/{fresh.MessageId}/edit", new Dictionary<string, string> { ["Input.Body"] = "Hijacked." }, "/sharing");
        var topicPage = await authorClient.GetDocumentAsync($"/sharing/t/{late.TopicId}");

        // Assert
        lateEdit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        otherEdit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        otherPost.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        topicPage.QuerySelector("[data-testid=edit]").ShouldBeNull();
        (await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == fresh.MessageId).Select(m => m.BodyMarkdown).SingleAsync(Token))).ShouldBe("Not yours.");
    }

    [Fact]
    public async Task Delete_ByTheAuthor_LeavesATombstoneInTheThread()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.delete@member.eu");
        var channel = (await portal.ChannelAsync("community")).Id;
        var posted = await portal.StartTopicAsync(author, channel, "Regret", "Something I should not have said.");
        await portal.ReplyAsync(author, posted.TopicId, "A reply that stays.");
        using var client = await portal.SignedInClientAsync("sp.delete@member.eu");

        // Act
        using var response = await client.SubmitFormAsync($"/sharing/t/{posted.TopicId}", new Dictionary<string, string>(), "[data-testid=delete-form]");
        var page = await client.GetDocumentAsync($"/sharing/t/{posted.TopicId}");
        var stored = await portal.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == posted.MessageId, Token));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelectorAll("[data-testid=message]").Length.ShouldBe(2);
        page.QuerySelector("[data-testid=tombstone]")!.TextContent.ShouldBe("Message deleted.");
        page.Body!.TextContent.ShouldNotContain("Something I should not have said.");
        page.Body!.TextContent.ShouldContain("A reply that stays.");
        stored.BodyMarkdown.ShouldBeEmpty();
        stored.BodyHtml.ShouldBeEmpty();
        stored.DeletedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Delete_SomeoneElsesMessage_RefusedAndKept()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.keep@member.eu");
        await portal.MemberAsync("sp.vandal@member.eu");
        var posted = await portal.StartTopicAsync(author, (await portal.ChannelAsync("community")).Id, "Keep me", "Still here.");
        using var vandal = await portal.SignedInClientAsync("sp.vandal@member.eu");

        // Act
        using var response = await vandal.PostAsync($"/sharing/t/{posted.TopicId}?handler=Delete&messageId={posted.MessageId}", new Dictionary<string, string>(), $"/sharing/t/{posted.TopicId}");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("Only its author");
        (await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == posted.MessageId).Select(m => m.DeletedAt).SingleAsync(Token))).ShouldBeNull();
    }

    [Fact]
    public async Task Pages_ChannelTopicAndMessageTheMemberMayNotRead_AreNotFound()
    {
        // Arrange
        var insider = await portal.MemberAsync("sp.insider@member.eu");
        await portal.MemberAsync("sp.outsider@member.eu", country: "DE", sector: "health");
        var group = await portal.GroupAsync("sp-secret-group", ChannelKind.WorkingGroup, TlpLabel.Amber, insider);
        var posted = await portal.StartTopicAsync(insider, group, "Secret", "Only for the group.");
        using var outsider = await portal.SignedInClientAsync("sp.outsider@member.eu");
        using var member = await portal.SignedInClientAsync("sp.insider@member.eu");

        // Act
        var answers = new List<HttpStatusCode>();
        foreach (var url in new[] { "/sharing/c/sp-secret-group", $"/sharing/t/{posted.TopicId}", $"/sharing/m/{posted.MessageId}", "/sharing/c/sector-energy", "/sharing/c/no-such-channel", $"/sharing/t/{Guid.NewGuid()}" })
        {
            using var response = await outsider.GetAsync(new Uri(url, UriKind.Relative), Token);
            answers.Add(response.StatusCode);
        }

        using var reply = await outsider.PostAsync($"/sharing/t/{posted.TopicId}", new Dictionary<string, string> { ["Input.Body"] = "Let me in." }, "/sharing");
        using var permalink = await member.GetAsync(new Uri($"/sharing/m/{posted.MessageId}", UriKind.Relative), Token);

        // Assert
        answers.ShouldAllBe(status => status == HttpStatusCode.NotFound);
        reply.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await portal.WithDbAsync(db => db.Messages.CountAsync(m => m.TopicId == posted.TopicId, Token))).ShouldBe(1);
        permalink.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        permalink.Headers.Location!.OriginalString.ShouldBe($"/sharing/t/{posted.TopicId}#m-{posted.MessageId:N}");
    }

    [Fact]
    public async Task Message_ScriptJavascriptAndMailLinks_AreNeutralised()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.xss@member.eu");
        const string Body = "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> [mail](mailto:soc@example.org) <soc@example.org> [ok](https://example.org/advisory)";
        var posted = await portal.StartTopicAsync(author, (await portal.ChannelAsync("community")).Id, "<script>alert(4)</script>", Body);
        using var client = await portal.SignedInClientAsync("sp.xss@member.eu");

        // Act
        using var response = await client.GetAsync(new Uri($"/sharing/t/{posted.TopicId}", UriKind.Relative), Token);
        var html = await response.Content.ReadAsStringAsync(Token);
        var page = await client.GetDocumentAsync($"/sharing/t/{posted.TopicId}");

        // Assert
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("javascript:alert");
        html.ShouldNotContain("mailto:");
        html.ShouldNotContain("<img src=x");
        page.QuerySelectorAll("[onerror], [data-testid=body] script, [data-testid=body] img").Length.ShouldBe(0);
        page.QuerySelector("[data-testid=body]")!.TextContent.ShouldContain("<script>alert(1)</script>");
        page.QuerySelectorAll("[data-testid=body] a").Select(a => a.GetAttribute("href")).ShouldBe(["https://example.org/advisory"]);
        page.QuerySelector("[data-testid=topic-subject]")!.TextContent.ShouldBe("<script>alert(4)</script>");
    }

    [Fact]
    public async Task Mention_MemberOfTheChannel_RecordedAndHighlighted()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.mentioner@member.eu", sector: "chemicals");
        var named = await portal.MemberAsync("sp.named@member.eu", sector: "chemicals");
        var elsewhere = await portal.MemberAsync("sp.elsewhere@member.eu", sector: "research");
        var channel = (await portal.ChannelAsync("sector-chemicals")).Id;

        // Act
        var posted = await portal.StartTopicAsync(author, channel, "Mentions", "@**Sp Named** and @**Sp Elsewhere**, have you seen this?");
        var mentioned = await portal.WithDbAsync(db => db.MessageMentions.Where(m => m.MessageId == posted.MessageId).Select(m => m.UserId).ToListAsync(Token));
        using var client = await portal.SignedInClientAsync("sp.mentioner@member.eu");
        var page = await client.GetDocumentAsync($"/sharing/t/{posted.TopicId}");

        // Assert
        mentioned.ShouldBe([named]);
        mentioned.ShouldNotContain(elsewhere);
        page.QuerySelector("[data-testid=body] .mention")!.TextContent.ShouldBe("@Sp Named");
    }

    [Fact]
    public async Task Leave_OwnSectorChannel_RefusedButJoinAndLeaveAnOpenChannelWork()
    {
        // Arrange
        await portal.MemberAsync("sp.leaver@member.eu", sector: "manufacturing");
        await portal.GroupAsync("sp-open", ChannelKind.Open, TlpLabel.Green);
        using var client = await portal.SignedInClientAsync("sp.leaver@member.eu");
        var sectorPage = await client.GetDocumentAsync("/sharing/c/sector-manufacturing");

        // Act
        using var leaveSector = await client.PostAsync("/sharing/c/sector-manufacturing?handler=Leave", new Dictionary<string, string>(), "/sharing/c/sector-manufacturing");
        var refusal = await leaveSector.ReadDocumentAsync();
        using var join = await client.SubmitFormAsync("/sharing", new Dictionary<string, string>(), "[data-channel=sp-open] form");
        var joined = await client.GetDocumentAsync("/sharing");
        using var leave = await client.SubmitFormAsync("/sharing/c/sp-open", new Dictionary<string, string>(), "form[action*='handler=Leave']");
        var left = await client.GetDocumentAsync("/sharing");

        // Assert
        sectorPage.QuerySelector("[data-testid=leave]").ShouldBeNull();
        leaveSector.StatusCode.ShouldBe(HttpStatusCode.OK);
        refusal.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("follow your profile");
        join.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        joined.QuerySelector("[data-testid=my-channels] [data-channel=sp-open]").ShouldNotBeNull();
        leave.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        left.QuerySelector("[data-testid=my-channels] [data-channel=sp-open]").ShouldBeNull();
        left.QuerySelector("[data-testid=open-channels] [data-channel=sp-open]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Settings_MuteAndMentionsOnly_SavedAndMutedHidesTheBadge()
    {
        // Arrange
        var author = await portal.MemberAsync("sp.mute.author@member.eu", sector: "postal-courier");
        var reader = await portal.MemberAsync("sp.mute.reader@member.eu", sector: "postal-courier");
        await portal.StartTopicAsync(author, (await portal.ChannelAsync("sector-postal-courier")).Id, "Parcel scam", "Fake delivery SMS.");
        using var client = await portal.SignedInClientAsync("sp.mute.reader@member.eu");

        // Act
        using var response = await client.SubmitFormValuesAsync("/sharing/c/sector-postal-courier", [new("muted", "true"), new("notify", nameof(NotifyLevel.MentionsOnly))], "[data-testid=settings-form]");
        var home = await client.GetDocumentAsync("/sharing");
        var subscription = await portal.WithDbAsync(db => db.ChannelSubscriptions.AsNoTracking().SingleAsync(s => s.UserId == reader, Token));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        subscription.Muted.ShouldBeTrue();
        subscription.Notify.ShouldBe(NotifyLevel.MentionsOnly);
        home.QuerySelector("[data-channel=sector-postal-courier] [data-testid=muted]").ShouldNotBeNull();
        home.QuerySelector("[data-channel=sector-postal-courier] [data-testid=channel-unread]").ShouldBeNull();
    }
}
