using System.Net;
using CecPortal.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>A portal whose topic pages show five messages each, so a test reaches an earlier page with a few replies.</summary>
public sealed class ShortTopicPagesFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sharing:MessagesPerPage"] = "5" };
}

/// <summary>
/// A long topic shows its newest page, live, with earlier messages a link away; a permalink finds a message on whichever
/// page shows it, and so do the pages that come back to a message after acting on it.
/// </summary>
public sealed class TopicPagingTests(ShortTopicPagesFixture portal) : IClassFixture<ShortTopicPagesFixture>
{
    [Fact]
    public async Task Topic_LongerThanAPage_ShowsTheNewestLiveAndEarlierOnesALinkAway()
    {
        // Arrange: seven messages, five per page.
        var author = await portal.MemberAsync("tp.author@member.eu");
        await portal.MemberAsync("tp.reader@member.eu");
        var posted = await portal.StartTopicAsync(author, (await portal.ChannelAsync("community")).Id, "Paging: a long thread", "Message 1.");
        for (var i = 2; i <= 7; i++)
        {
            await portal.ReplyAsync(author, posted.TopicId, $"Message {i}.");
        }

        using var client = await portal.SignedInClientAsync("tp.reader@member.eu");

        // Act
        var newest = await client.GetDocumentAsync($"/sharing/t/{posted.TopicId}");
        var earlierLink = newest.QuerySelector("[data-testid=earlier-messages]")!.GetAttribute("href")!;
        var earlier = await client.GetDocumentAsync(earlierLink);

        // Assert
        Bodies(newest).ShouldBe(["Message 3.", "Message 4.", "Message 5.", "Message 6.", "Message 7."]);
        newest.QuerySelector("[data-testid=messages]")!.HasAttribute("data-live-topic").ShouldBeTrue();
        Bodies(earlier).ShouldBe(["Message 1.", "Message 2."]);
        earlier.QuerySelector("[data-testid=earlier-messages]").ShouldBeNull();
        earlier.QuerySelector("[data-testid=messages]")!.HasAttribute("data-live-topic").ShouldBeFalse("an earlier page would gain new messages after a gap");
        earlier.QuerySelector("[data-testid=newest-messages]")!.GetAttribute("href").ShouldBe($"/sharing/t/{posted.TopicId}");
    }

    [Fact]
    public async Task Permalink_ToAMessageOnAnEarlierPage_RedirectsToThatPage()
    {
        // Arrange
        var author = await portal.MemberAsync("tp.link.author@member.eu");
        await portal.MemberAsync("tp.link.reader@member.eu");
        var posted = await portal.StartTopicAsync(author, (await portal.ChannelAsync("community")).Id, "Paging: permalinks", "The first message.");
        for (var i = 2; i <= 6; i++)
        {
            await portal.ReplyAsync(author, posted.TopicId, $"Reply {i}.");
        }

        using var client = await portal.SignedInClientAsync("tp.link.reader@member.eu");

        // Act
        using var response = await client.GetAsync($"/sharing/m/{posted.MessageId}", TestContext.Current.CancellationToken);
        var location = response.Headers.Location!.OriginalString;
        var page = await client.GetDocumentAsync(location);

        // Assert: the page that holds it, anchored on it.
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        location.ShouldContain("before=");
        location.ShouldEndWith($"#m-{posted.MessageId:N}");
        page.QuerySelector($"[data-message='{posted.MessageId}'] [data-testid=body]")!.TextContent.Trim().ShouldBe("The first message.");
    }

    private static List<string> Bodies(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=messages] [data-testid=message] [data-testid=body]").Select(b => b.TextContent.Trim())];
}
