using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>
/// /sharing/search: only what the member may read (the channel rule inside the query), never deleted or hidden
/// messages, never a TLP:RED message's text, the channel and date filters, safe snippets, and bad input re-shown.
/// Each test searches for words of its own, so the tests of the class do not see each other's messages.
/// </summary>
public sealed class MessageSearchTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_WordInTwoSectorChannels_FindsOnlyTheMembersOwnSector()
    {
        // Arrange
        var energy = await portal.MemberAsync("ms.energy@member.eu", sector: "energy");
        var health = await portal.MemberAsync("ms.health@member.eu", sector: "health");
        await portal.StartTopicAsync(energy, (await portal.ChannelAsync("sector-energy")).Id, "Grid scanner", "A zebrafrost scanner hits our substations.");
        await portal.StartTopicAsync(health, (await portal.ChannelAsync("sector-health")).Id, "Ward scanner", "A zebrafrost scanner hits our wards.");
        using var client = await portal.SignedInClientAsync("ms.energy@member.eu");

        // Act
        var page = await client.GetDocumentAsync("/sharing/search?q=zebrafrost");

        // Assert
        var result = Results(page).ShouldHaveSingleItem();
        result.QuerySelector("[data-testid=result-link]")!.TextContent.ShouldBe("Grid scanner");
        result.QuerySelector("[data-testid=result-channel]")!.TextContent.ShouldContain("nergy");
        result.QuerySelector("[data-testid=result-author]")!.TextContent.ShouldBe("Ms Energy");
        result.QuerySelector("[data-testid=tlp]")!.TextContent.ShouldBe("TLP:AMBER");
        result.QuerySelector("[data-testid=snippet] mark")!.TextContent.ShouldBe("zebrafrost");
        page.Body!.TextContent.ShouldNotContain("wards");
    }

    [Fact]
    public async Task Search_WorkingGroupWords_FoundByItsMemberAndByNobodyElse()
    {
        // Arrange
        var inside = await portal.MemberAsync("ms.inside@member.eu");
        await portal.MemberAsync("ms.outside@member.eu");
        var group = await portal.GroupAsync("ms-group", ChannelKind.WorkingGroup, TlpLabel.Amber, inside);
        await portal.StartTopicAsync(inside, group, "Quokkabyte campaign", "The quokkabyte loader is back.");
        using var member = await portal.SignedInClientAsync("ms.inside@member.eu");
        using var outsider = await portal.SignedInClientAsync("ms.outside@member.eu");

        // Act
        var found = await member.GetDocumentAsync("/sharing/search?q=quokkabyte");
        var notFound = await outsider.GetDocumentAsync("/sharing/search?q=quokkabyte");
        var byChannel = await outsider.GetDocumentAsync("/sharing/search?channel=ms-group");

        // Assert
        Results(found).ShouldHaveSingleItem();
        Results(notFound).ShouldBeEmpty();
        notFound.QuerySelector("[data-testid=no-results]").ShouldNotBeNull();
        byChannel.QuerySelector("[data-testid=search-errors]")!.TextContent.ShouldContain("Choose a channel from the list");
        byChannel.QuerySelectorAll("#channel option").Select(o => o.TextContent).ShouldNotContain("Group ms-group", "the outsider's list holds only what they may read");
        Results(byChannel).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_WordOnlyInARedMessage_ListsItAsARedMessageWithoutTextTopicOrAuthor()
    {
        // Arrange
        var member = await portal.MemberAsync("ms.red@member.eu");
        var group = await portal.GroupAsync("ms-red", ChannelKind.WorkingGroup, TlpLabel.Amber, member);
        await portal.StartTopicAsync(member, group, "Saint Ursula names", "The saltmarsh hospital lost its imaging servers.", TlpLabel.Red);
        using var client = await portal.SignedInClientAsync("ms.red@member.eu");

        // Act
        var page = await client.GetDocumentAsync("/sharing/search?q=saltmarsh");

        // Assert
        var result = Results(page).ShouldHaveSingleItem();
        result.QuerySelector("[data-testid=result-link]")!.TextContent.ShouldBe("TLP:RED message in Group ms-red");
        result.QuerySelector("[data-testid=result-link]")!.GetAttribute("href").ShouldStartWith("/sharing/m/");
        result.QuerySelector("[data-testid=tlp]")!.TextContent.ShouldBe("TLP:RED");
        result.QuerySelector("[data-testid=snippet]").ShouldBeNull();
        result.QuerySelector("[data-testid=result-author]").ShouldBeNull();
        var html = page.DocumentElement.OuterHtml;
        html.ShouldNotContain("imaging");
        html.ShouldNotContain("Ursula");
        html.ShouldNotContain("Ms Red");
    }

    [Fact]
    public async Task Search_DeletedAndHiddenMessages_AreNotFound()
    {
        // Arrange
        var member = await portal.MemberAsync("ms.gone@member.eu");
        var community = (await portal.ChannelAsync("community")).Id;
        var kept = await portal.StartTopicAsync(member, community, "Kept wombatgrid", "The wombatgrid message that stays.");
        var deleted = await portal.ReplyAsync(member, kept.TopicId, "The wombatgrid message I delete.");
        var hidden = await portal.ReplyAsync(member, kept.TopicId, "The wombatgrid message a moderator hides.");
        await portal.WithDbAsync(async db =>
        {
            var moderator = await db.Users.Where(u => u.Email == PortalFactory.ModeratorEmail).Select(u => u.Id).SingleAsync(Token);
            var deleting = await db.Messages.SingleAsync(m => m.Id == deleted.MessageId, Token);
            deleting.Delete(member, DateTimeOffset.UtcNow);
            var hiding = await db.Messages.SingleAsync(m => m.Id == hidden.MessageId, Token);
            hiding.Hide(new Actor(moderator, PortalFactory.ModeratorEmail), "Off topic.", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Token);
        });
        using var client = await portal.SignedInClientAsync("ms.gone@member.eu");

        // Act
        var page = await client.GetDocumentAsync("/sharing/search?q=wombatgrid");

        // Assert
        Results(page).Select(r => r.GetAttribute("data-message")).ShouldBe([kept.MessageId.ToString()]);
        page.Body!.TextContent.ShouldNotContain("moderator hides");
    }

    [Fact]
    public async Task Search_ChannelAndDateFilters_NarrowTheResults()
    {
        // Arrange: the same word in the community and the sector channel, in January and in March
        var member = await portal.MemberAsync("ms.filter@member.eu", sector: "banking");
        var community = (await portal.ChannelAsync("community")).Id;
        var sector = (await portal.ChannelAsync("sector-banking")).Id;
        var january = await portal.StartTopicAsync(member, community, "January koalaswift", "Koalaswift in January.");
        var march = await portal.StartTopicAsync(member, community, "March koalaswift", "Koalaswift in March.");
        var banking = await portal.StartTopicAsync(member, sector, "Bank koalaswift", "Koalaswift at the banks.");
        await DatedAsync(january.MessageId, new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.Zero));
        await DatedAsync(march.MessageId, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await DatedAsync(banking.MessageId, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var client = await portal.SignedInClientAsync("ms.filter@member.eu");

        // Act
        var all = await client.GetDocumentAsync("/sharing/search?q=koalaswift");
        var inCommunity = await client.GetDocumentAsync("/sharing/search?q=koalaswift&channel=community");
        var fromMarch = await client.GetDocumentAsync("/sharing/search?q=koalaswift&from=2026-03-01");
        var january15 = await client.GetDocumentAsync("/sharing/search?q=koalaswift&from=2026-01-15&to=2026-01-15");
        var bankInMarch = await client.GetDocumentAsync("/sharing/search?channel=sector-banking&from=2026-03-01&to=2026-03-31");

        // Assert
        Ids(all).ShouldBe([january.MessageId, march.MessageId, banking.MessageId], ignoreOrder: true);
        Ids(inCommunity).ShouldBe([january.MessageId, march.MessageId], ignoreOrder: true);
        Ids(fromMarch).ShouldBe([march.MessageId, banking.MessageId], ignoreOrder: true);
        Ids(january15).ShouldBe([january.MessageId]);
        Ids(bankInMarch).ShouldBe([banking.MessageId]);
        inCommunity.QuerySelector("#channel option[selected]")!.GetAttribute("value").ShouldBe("community");
    }

    [Fact]
    public async Task Search_SeveralMatches_MostRelevantFirst()
    {
        // Arrange
        var member = await portal.MemberAsync("ms.rank@member.eu");
        var community = (await portal.ChannelAsync("community")).Id;
        var once = await portal.StartTopicAsync(member, community, "Once", "One mention of lemurstack among many other words about the weather and lunch.");
        var often = await portal.StartTopicAsync(member, community, "Often", "Lemurstack lemurstack: the lemurstack botnet.");
        using var client = await portal.SignedInClientAsync("ms.rank@member.eu");

        // Act
        var page = await client.GetDocumentAsync("/sharing/search?q=lemurstack");

        // Assert
        Ids(page).ShouldBe([often.MessageId, once.MessageId]);
    }

    [Fact]
    public async Task Search_MarkupInTheMessage_SnippetIsEncodedWithOnlyMarkElements()
    {
        // Arrange
        var member = await portal.MemberAsync("ms.markup@member.eu");
        var community = (await portal.ChannelAsync("community")).Id;
        await portal.StartTopicAsync(member, community, "Markup", "Look: <script>alert('kiwiblast')</script> <img src=x onerror=alert(1)> kiwiblast again.");
        using var client = await portal.SignedInClientAsync("ms.markup@member.eu");

        // Act
        var page = await client.GetDocumentAsync("/sharing/search?q=kiwiblast");

        // Assert
        var snippet = Results(page).ShouldHaveSingleItem().QuerySelector("[data-testid=snippet]")!;
        snippet.Children.ShouldAllBe(e => e.LocalName == "mark");
        snippet.QuerySelectorAll("mark").Select(m => m.TextContent).ShouldContain("kiwiblast");
        snippet.QuerySelector("script, img").ShouldBeNull();
    }

    [Theory]
    [InlineData("q", "too-long", "Search for at most 200 characters.")]
    [InlineData("from", "2026-03-01&to=2026-02-01", "The \"From\" date is after the \"To\" date.")]
    [InlineData("from", "2026-02-30", "The \"From\" date is not a valid date")]
    [InlineData("channel", "no-such-channel", "Choose a channel from the list")]
    public async Task Search_BadInput_ReshowsTheFormWithTheMessageAndWhatWasTyped(string field, string value, string message)
    {
        // Arrange
        var email = $"ms.bad.{field}.{value.Length}@member.eu";
        await portal.MemberAsync(email);
        using var client = await portal.SignedInClientAsync(email);
        var typed = value == "too-long" ? new string('x', 201) : value;

        // Act
        using var response = await client.GetAsync(new Uri(field == "q" ? $"/sharing/search?q={typed}" : $"/sharing/search?q=anything&{field}={typed}", UriKind.Relative), Token);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=search-errors]")!.TextContent.ShouldContain(message);
        page.QuerySelector($"#{field}")!.ClassList.ShouldContain("is-invalid");
        page.QuerySelector("[data-testid=results]").ShouldBeNull();
        page.QuerySelector("[data-testid=result-count]").ShouldBeNull();
        if (field == "channel")
        {
            page.QuerySelector("#channel option[selected]")!.GetAttribute("value").ShouldBe("no-such-channel");
        }
        else
        {
            ((IHtmlInputElement)page.QuerySelector($"#{field}")!).Value.ShouldBe(typed.Split('&')[0]);
        }
    }

    [Fact]
    public async Task Index_SharingHome_OffersTheSearch()
    {
        // Arrange
        await portal.MemberAsync("ms.home@member.eu");
        using var client = await portal.SignedInClientAsync("ms.home@member.eu");

        // Act
        var page = await client.GetDocumentAsync("/sharing");

        // Assert
        page.QuerySelector("[data-testid=sharing-search]")!.GetAttribute("action").ShouldBe("/sharing/search");
    }

    private static List<AngleSharp.Dom.IElement> Results(IHtmlDocument page) => [.. page.QuerySelectorAll("[data-testid=result]")];

    private static List<Guid> Ids(IHtmlDocument page) => [.. Results(page).Select(r => Guid.Parse(r.GetAttribute("data-message")!))];

    private Task<int> DatedAsync(Guid messageId, DateTimeOffset at) =>
        portal.WithDbAsync(db => db.Messages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, at), Token));
}
