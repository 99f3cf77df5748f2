using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.SharedKernel;
using Shouldly;
using static CecPortal.IntegrationTests.Briefings.BriefingTestKit;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>
/// Full-text search of the readable briefings. Every test searches for its own made-up word, so the tests do not see
/// each other's briefings.
/// </summary>
public sealed class BriefingSearchTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Search_WordInTheBody_FindsTheBriefingWithTheWordHighlighted()
    {
        // Arrange
        await AddAsync(portal, new DateOnly(2014, 2, 3), "Loader campaign", "Analysts tracked the **grumbleworth** loader across three sectors.");
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/briefings/search?q=grumbleworth");

        // Assert
        var result = page.QuerySelector("[data-testid=result]").ShouldNotBeNull();
        page.QuerySelectorAll("[data-testid=result]").Length.ShouldBe(1);
        result.GetAttribute("data-date").ShouldBe("2014-02-03");
        result.QuerySelector("[data-testid=result-title]")!.GetAttribute("href").ShouldBe("/briefings/2014-02-03");
        result.QuerySelector("[data-testid=tlp]")!.TextContent.ShouldBe("TLP:AMBER");
        result.QuerySelector("[data-testid=snippet] mark")!.TextContent.ShouldBe("grumbleworth");
        result.QuerySelector("[data-testid=snippet]")!.TextContent.ShouldStartWith("Analysts tracked the grumbleworth loader across three sectors");
        page.QuerySelector("#q")!.GetAttribute("value").ShouldBe("grumbleworth");
    }

    [Fact]
    public async Task Search_VulnerableProduct_FindsTheBriefingListingIt()
    {
        // Arrange
        await AddAsync(portal, new DateOnly(2014, 3, 4), "Patch Tuesday round-up", "Nothing about the product in the text.", vulnerabilities: [Vulnerability("CVE-2014-4444", "Quokkaflux Gateway 9")]);
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/briefings/search?q=quokkaflux");

        // Assert
        ResultDates(page).ShouldBe(["2014-03-04"]);
    }

    [Fact]
    public async Task Search_WordInOneTitleAndAnotherBody_RanksTheTitleMatchFirst()
    {
        // Arrange: the body match is the newer one, so only the rank can put the title match first.
        await AddAsync(portal, new DateOnly(2014, 4, 1), "Vexilloid breach at a port operator", "Details follow.");
        await AddAsync(portal, new DateOnly(2014, 4, 20), "Weekly round-up", "Also in the news: the vexilloid breach reported earlier.");
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/briefings/search?q=vexilloid");

        // Assert
        ResultDates(page).ShouldBe(["2014-04-01", "2014-04-20"]);
    }

    [Fact]
    public async Task Search_MarkupInTheMarkdown_IsShownEncodedInTheSnippet()
    {
        // Arrange: ts_headline drops a <script> tag but keeps other markup (such as this <img>) as it was written.
        await AddAsync(portal, new DateOnly(2014, 5, 6), "Hostile sample", "Watch for <script>alert('pwned')</script> and <img src=x onerror=alert(2)> in pages served by the pyroclast exploit kit.");
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        using var response = await client.GetAsync(new Uri("/briefings/search?q=pyroclast", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        // Assert
        var snippet = page.QuerySelector("[data-testid=snippet]").ShouldNotBeNull();
        snippet.Children.Select(c => c.LocalName).ShouldBe(["mark"]);
        snippet.QuerySelector("mark")!.TextContent.ShouldBe("pyroclast");
        snippet.TextContent.ShouldContain("<img src=x onerror=alert(2)>");
        snippet.InnerHtml.ShouldContain("&lt;img src=x onerror=alert(2)&gt;");
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        page.QuerySelectorAll("main script, main img").ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_DraftsAndScheduledBriefings_AreNeverFound()
    {
        // Arrange
        await AddAsync(portal, new DateOnly(2014, 6, 1), "Unpublished", "The zirconblade incident.", BriefingStatus.Draft);
        await AddAsync(portal, new DateOnly(2014, 6, 2), "Scheduled", "The zirconblade incident.", BriefingStatus.Scheduled);
        await AddAsync(portal, new DateOnly(2014, 6, 3), "Published", "The zirconblade incident.", BriefingStatus.Published);
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/briefings/search?q=zirconblade");

        // Assert
        ResultDates(page).ShouldBe(["2014-06-03"]);
    }

    [Fact]
    public async Task Search_WithDateRange_KeepsOnlyBriefingsInTheRange()
    {
        // Arrange
        await AddAsync(portal, new DateOnly(2015, 6, 1), "Before", "A marmosetine phishing kit.");
        await AddAsync(portal, new DateOnly(2015, 6, 10), "Inside", "A marmosetine phishing kit.");
        await AddAsync(portal, new DateOnly(2015, 6, 15), "Last day", "A marmosetine phishing kit.");
        await AddAsync(portal, new DateOnly(2015, 6, 20), "After", "A marmosetine phishing kit.");
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var withText = await client.GetDocumentAsync("/briefings/search?q=marmosetine&from=2015-06-05&to=2015-06-15");
        var withoutText = await client.GetDocumentAsync("/briefings/search?from=2015-06-05&to=2015-06-15");

        // Assert
        ResultDates(withText).ShouldBe(["2015-06-15", "2015-06-10"]);
        ResultDates(withoutText).ShouldBe(["2015-06-15", "2015-06-10"]);
        withoutText.QuerySelector("[data-testid=snippet]").ShouldBeNull();
        withText.QuerySelector("#from")!.GetAttribute("value").ShouldBe("2015-06-05");
        withText.QuerySelector("#to")!.GetAttribute("value").ShouldBe("2015-06-15");
    }

    [Fact]
    public async Task Search_WithTlpLabel_KeepsOnlyThatLabel()
    {
        // Arrange
        await AddAsync(portal, new DateOnly(2016, 1, 4), "Amber one", "The ocarinth botnet.", tlp: TlpLabel.Amber);
        await AddAsync(portal, new DateOnly(2016, 1, 5), "Red one", "The ocarinth botnet.", BriefingStatus.Published, TlpLabel.Red);
        await AddAsync(portal, new DateOnly(2016, 1, 6), "Strict one", "The ocarinth botnet.", tlp: TlpLabel.AmberStrict);
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var red = await client.GetDocumentAsync("/briefings/search?q=ocarinth&tlp=Red");
        var strict = await client.GetDocumentAsync("/briefings/search?q=ocarinth&tlp=TLP%3AAMBER%2BSTRICT");
        var onlyFilters = await client.GetDocumentAsync("/briefings/search?tlp=AmberStrict&from=2016-01-01&to=2016-01-31");

        // Assert
        ResultDates(red).ShouldBe(["2016-01-05"]);
        red.QuerySelector("#tlp option[selected]")!.GetAttribute("value").ShouldBe("Red");
        ResultDates(strict).ShouldBe(["2016-01-06"]);
        ResultDates(onlyFilters).ShouldBe(["2016-01-06"]);
    }

    [Theory]
    [InlineData("/briefings/search?q=ransomware&from=2026-02-30", "The \"From\" date is not a valid date: use the form 2026-11-25.", "from", "2026-02-30")]
    [InlineData("/briefings/search?q=ransomware&to=yesterday", "The \"To\" date is not a valid date: use the form 2026-11-25.", "to", "yesterday")]
    [InlineData("/briefings/search?q=ransomware&from=2026-11-20&to=2026-11-01", "The \"From\" date is after the \"To\" date.", "from", "2026-11-20")]
    [InlineData("/briefings/search?q=ransomware&tlp=WHITE", "Choose a TLP label from the list (CLEAR, GREEN, AMBER, AMBER+STRICT or RED).", "tlp", "WHITE")]
    public async Task Search_WithInvalidFilter_ExplainsAndKeepsWhatWasTyped(string url, string message, string field, string typed)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync(url);

        // Assert
        page.QuerySelectorAll("[data-testid=search-errors] li").Select(li => li.TextContent).ShouldBe([message]);
        var input = page.QuerySelector($"#{field}")!;
        input.ClassList.ShouldContain("is-invalid");
        (input is IHtmlSelectElement select ? select.Value : input.GetAttribute("value")).ShouldBe(typed);
        page.QuerySelector("#q")!.GetAttribute("value").ShouldBe("ransomware");
        page.QuerySelector("[data-testid=results]").ShouldBeNull();
        page.QuerySelector("[data-testid=result-count]").ShouldBeNull();
    }

    [Fact]
    public async Task Search_ManyMatches_PagesTheResults()
    {
        // Arrange
        for (var day = 1; day <= 12; day++)
        {
            await AddAsync(portal, new DateOnly(2017, 3, day), $"Edition {day}", "The lanternfjord wiper again.");
        }

        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var first = await client.GetDocumentAsync("/briefings/search?q=lanternfjord");
        var next = first.QuerySelector("[data-testid=pager] a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetDocumentAsync(next);
        var pastTheEnd = await client.GetDocumentAsync("/briefings/search?q=lanternfjord&p=9");

        // Assert
        first.QuerySelector("[data-testid=result-count]")!.TextContent.ShouldBe("12 briefings match");
        ResultDates(first).Count.ShouldBe(10);
        next.ShouldContain("q=lanternfjord");
        ResultDates(second).ShouldBe(["2017-03-02", "2017-03-01"]);
        ResultDates(pastTheEnd).ShouldBe(["2017-03-02", "2017-03-01"], "an old link past the end shows the last page");
        pastTheEnd.QuerySelector("[data-testid=result-count]")!.TextContent.ShouldBe("12 briefings match");
    }

    [Fact]
    public async Task Search_FormOnTheBriefingsPage_IsAGetFormToTheSearchPage()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/briefings");

        // Assert
        var form = page.QuerySelector("[data-testid=search-form]").ShouldBeAssignableTo<IHtmlFormElement>()!;
        form.Method.ShouldBe("get");
        form.GetAttribute("action").ShouldBe("/briefings/search");
        form.QuerySelectorAll("input[name], select[name]").Select(e => e.GetAttribute("name")).ShouldBe(["q", "from", "to", "tlp"]);
    }

    private static List<string?> ResultDates(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=result]").Select(r => r.GetAttribute("data-date"))];
}
