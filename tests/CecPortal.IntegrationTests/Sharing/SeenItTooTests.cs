using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// "Seen it too" on the topic page, without JavaScript: a one-click toggle that posts and comes back to the message,
/// counts by sector that single nobody out, only for readers of the channel, never on deleted, hidden or one's own
/// messages, and a new count pushed live.
/// </summary>
public sealed class SeenItTooTests(LivePortalFixture portal) : IClassFixture<LivePortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Toggle_OnAnotherMembersMessage_MarksAndComesBackToItThenTakesItBack()
    {
        // Arrange
        var author = await portal.MemberAsync("st.author@member.eu");
        var reader = await portal.MemberAsync("st.reader@member.eu");
        var posted = await portal.StartTopicAsync(author, (await portal.ChannelAsync("community")).Id, "Seen: VPN scan", "Port 4433 scanned since 06:00.");
        using var client = await portal.SignedInClientAsync("st.reader@member.eu");
        var topic = $"/sharing/t/{posted.TopicId}";
        var form = $"[data-message='{posted.MessageId}'] [data-testid=seen-form]";

        // Act
        using var marked = await client.SubmitFormAsync(topic, new Dictionary<string, string>(), form);
        var afterMark = Message(await client.GetDocumentAsync(topic), posted.MessageId);
        var rowsAfterMark = await SightingsAsync(posted.MessageId);
        using var unmarked = await client.SubmitFormAsync(topic, new Dictionary<string, string>(), form);
        var afterUnmark = Message(await client.GetDocumentAsync(topic), posted.MessageId);

        // Assert
        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        marked.Headers.Location!.OriginalString.ShouldBe($"/sharing/m/{posted.MessageId}", "back to the message, through its permalink (which finds its page)");
        rowsAfterMark.ShouldBe([reader]);
        afterMark.QuerySelector("[data-testid=seen-count]")!.TextContent.ShouldBe("Seen by 1 member");
        afterMark.QuerySelector("[data-testid=seen-toggle]")!.GetAttribute("aria-pressed").ShouldBe("true");
        unmarked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SightingsAsync(posted.MessageId)).ShouldBeEmpty();
        afterUnmark.QuerySelector("[data-testid=seen-count]").ShouldBeNull();
        afterUnmark.QuerySelector("[data-testid=seen-toggle]")!.GetAttribute("aria-pressed").ShouldBe("false");
    }

    [Fact]
    public async Task Toggle_MessageInAWorkingGroupTheMemberIsNotIn_NotFoundAndNothingStored()
    {
        // Arrange
        var inside = await portal.MemberAsync("st.inside@member.eu");
        await portal.MemberAsync("st.outside@member.eu");
        var group = await portal.GroupAsync("st-group", ChannelKind.WorkingGroup, TlpLabel.Amber, inside);
        var posted = await portal.StartTopicAsync(inside, group, "Group only", "Indicators for the group.");
        using var outsider = await portal.SignedInClientAsync("st.outside@member.eu");

        // Act
        using var response = await PostWithTokenAsync(outsider, posted.MessageId);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SightingsAsync(posted.MessageId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Toggle_OwnDeletedOrHiddenMessage_NoButtonAndRefused()
    {
        // Arrange
        var author = await portal.MemberAsync("st.own@member.eu");
        await portal.MemberAsync("st.other@member.eu");
        var own = await portal.StartTopicAsync(author, (await portal.ChannelAsync("community")).Id, "Seen: own", "My own report.");
        var deleted = await portal.ReplyAsync(author, own.TopicId, "A reply I delete.");
        var hidden = await portal.ReplyAsync(author, own.TopicId, "A reply a moderator hides.");
        await portal.WithDbAsync(async db =>
        {
            var moderator = await db.Users.Where(u => u.Email == PortalFactory.ModeratorEmail).Select(u => u.Id).SingleAsync(Token);
            (await db.Messages.SingleAsync(m => m.Id == deleted.MessageId, Token)).Delete(author, DateTimeOffset.UtcNow);
            (await db.Messages.SingleAsync(m => m.Id == hidden.MessageId, Token)).Hide(new Actor(moderator, PortalFactory.ModeratorEmail), "Off topic.", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Token);
        });
        using var authorClient = await portal.SignedInClientAsync("st.own@member.eu");
        using var otherClient = await portal.SignedInClientAsync("st.other@member.eu");

        // Act
        var authorPage = await authorClient.GetDocumentAsync($"/sharing/t/{own.TopicId}");
        var otherPage = await otherClient.GetDocumentAsync($"/sharing/t/{own.TopicId}");
        using var onOwn = await PostWithTokenAsync(authorClient, own.MessageId);
        using var onDeleted = await PostWithTokenAsync(otherClient, deleted.MessageId);
        using var onHidden = await PostWithTokenAsync(otherClient, hidden.MessageId);
        using var permalink = await authorClient.GetAsync(onOwn.Headers.Location, Token);
        var refusal = await authorClient.GetDocumentAsync(permalink.Headers.Location!.OriginalString);

        // Assert
        Message(authorPage, own.MessageId).QuerySelector("[data-testid=seen-form]").ShouldBeNull();
        Message(otherPage, own.MessageId).QuerySelector("[data-testid=seen-form]").ShouldNotBeNull();
        Message(otherPage, deleted.MessageId).QuerySelector("[data-testid=seen-it-too]").ShouldBeNull();
        Message(otherPage, hidden.MessageId).QuerySelector("[data-testid=seen-it-too]").ShouldBeNull();
        onOwn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refusal.Body!.TextContent.ShouldContain("is for other members' messages");
        onDeleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        onHidden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.MessageSightings.CountAsync(s => s.MessageId == own.MessageId || s.MessageId == deleted.MessageId || s.MessageId == hidden.MessageId, Token))).ShouldBe(0);
    }

    [Fact]
    public async Task TopicPage_SightingsFromSeveralSectors_CountedBySectorWithoutSinglingAnyoneOut()
    {
        // Arrange: message 1 seen by 4 health + 3 energy + 1 banking (bucket of one: total only);
        // message 2 by 4 health + 3 energy (both named); message 3 by 3 health + 1 energy + 2 banking (3 other sectors).
        var author = await portal.MemberAsync("st.counts@member.eu", sector: "transport");
        var health = await MembersAsync("st.health", "health", 4);
        var energy = await MembersAsync("st.energy", "energy", 3);
        var banking = await MembersAsync("st.banking", "banking", 2);
        var community = (await portal.ChannelAsync("community")).Id;
        var first = await portal.StartTopicAsync(author, community, "Seen: counts", "First.");
        var second = await portal.ReplyAsync(author, first.TopicId, "Second.");
        var third = await portal.ReplyAsync(author, first.TopicId, "Third.");
        await SeeAsync(first.MessageId, [.. health, .. energy, banking[0]]);
        await SeeAsync(second.MessageId, [.. health, .. energy]);
        await SeeAsync(third.MessageId, [.. health[..3], energy[0], .. banking]);
        using var client = await portal.SignedInClientAsync("st.health.1@member.eu");

        // Act
        var page = await client.GetDocumentAsync($"/sharing/t/{first.TopicId}");

        // Assert
        Count(page, first.MessageId).ShouldBe("Seen by 8 members");
        Count(page, second.MessageId).ShouldBe("Seen by 7 members: 4 Health, 3 Energy");
        Count(page, third.MessageId).ShouldBe("Seen by 6 members: 3 Health, 3 other sectors");
        Message(page, first.MessageId).QuerySelector("[data-testid=seen-toggle]")!.GetAttribute("aria-pressed").ShouldBe("true");
        Message(page, third.MessageId).QuerySelector("[data-testid=seen-toggle]")!.GetAttribute("aria-pressed").ShouldBe("true");
    }

    [Fact]
    public async Task Toggle_WhileAnotherReaderFollowsTheTopic_PushesTheNewCountLive()
    {
        // Arrange
        var author = await portal.MemberAsync("st.live.author@member.eu");
        await portal.MemberAsync("st.live.marker@member.eu");
        await portal.MemberAsync("st.live.follower@member.eu");
        var posted = await portal.StartTopicAsync(author, (await portal.ChannelAsync("community")).Id, "Seen: live", "Watch this count.");
        using var marker = await portal.SignedInClientAsync("st.live.marker@member.eu");
        using var follower = await portal.SignedInClientAsync("st.live.follower@member.eu");
        var before = await portal.WithDbAsync(db => db.Messages.Where(m => m.Id == posted.MessageId).Select(m => m.ChangeSeq).SingleAsync(Token));
        await using var live = await LiveEvents.OpenAsync(follower, $"?topic={posted.TopicId}");

        // Act
        using var marked = await marker.SubmitFormAsync($"/sharing/t/{posted.TopicId}", new Dictionary<string, string>(), $"[data-message='{posted.MessageId}'] [data-testid=seen-form]");
        var received = await live.NextAsync();

        // Assert
        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        received.Message.ShouldBe(posted.MessageId);
        received.Id!.Value.ShouldBeGreaterThan(before);
        received.Html.ShouldContain("Seen by 1 member");
        received.Html.ShouldNotContain("__RequestVerificationToken", customMessage: "a push is for no one in particular: the page adds its own token");
    }

    private static AngleSharp.Dom.IElement Message(IHtmlDocument page, Guid messageId) =>
        page.QuerySelector($"[data-message='{messageId}']") ?? throw new InvalidOperationException($"Message {messageId} is not on the page.");

    private static string Count(IHtmlDocument page, Guid messageId) =>
        Message(page, messageId).QuerySelector("[data-testid=seen-count]")!.TextContent.Trim();

    /// <summary>Posts the toggle with the member's own antiforgery token, taken from a page they may open.</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, Guid messageId)
    {
        var page = await client.GetDocumentAsync("/sharing/c/community");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri($"/sharing/m/{messageId}/seen", UriKind.Relative), content, Token);
    }

    private async Task<string[]> MembersAsync(string prefix, string sector, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await portal.MemberAsync($"{prefix}.{i + 1}@member.eu", sector: sector);
        }

        return ids;
    }

    private Task<int> SeeAsync(Guid messageId, string[] userIds) => portal.WithDbAsync(db =>
    {
        db.MessageSightings.AddRange(userIds.Select(u => new MessageSighting { MessageId = messageId, UserId = u, CreatedAt = DateTimeOffset.UtcNow }));
        return db.SaveChangesAsync(Token);
    });

    private Task<List<string>> SightingsAsync(Guid messageId) =>
        portal.WithDbAsync(db => db.MessageSightings.Where(s => s.MessageId == messageId).Select(s => s.UserId).ToListAsync(Token));
}
