using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Briefings.BriefingTestKit;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>Members read readable briefings only: today's on top, the archive, and each edition at its date.</summary>
public sealed class BriefingReadingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/briefings")]
    [InlineData("/briefings/2026-11-25")]
    [InlineData("/briefings/search?q=ransomware")]
    public async Task Get_Anonymously_RedirectsToSignIn(string url)
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Fact]
    public async Task Get_TodaysBriefing_IsShownInFullOnTopOnlyOncePublished()
    {
        // Arrange
        var today = Today(portal);
        var todays = await AddAsync(
            portal,
            today,
            "Hypervisor escape under active exploitation",
            "Patch **now**: see CVE-2026-38820.",
            BriefingStatus.Scheduled,
            TlpLabel.AmberStrict,
            [Vulnerability("CVE-2026-38820", "Quartzline Hypervisor")]);
        await AddAsync(portal, today.AddDays(-1), "Yesterday's briefing");
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var beforePublishing = await client.GetDocumentAsync("/briefings");
        await PublishAsync(portal, todays.Id);
        var afterPublishing = await client.GetDocumentAsync("/briefings");

        // Assert
        beforePublishing.QuerySelector("[data-testid=todays-briefing]").ShouldBeNull();
        beforePublishing.QuerySelector("[data-testid=no-todays-briefing]").ShouldNotBeNull();
        beforePublishing.QuerySelectorAll("[data-testid=archive-entry]").Select(e => e.GetAttribute("data-date")).ShouldNotContain(today.ToRouteValue());

        var top = afterPublishing.QuerySelector("[data-testid=todays-briefing]").ShouldNotBeNull();
        afterPublishing.QuerySelector("main [data-testid=briefing]").ShouldBe(top.QuerySelector("[data-testid=briefing]"));
        var article = top.QuerySelector("[data-testid=briefing]")!;
        article.FirstElementChild!.GetAttribute("data-testid").ShouldBe("tlp-banner");
        article.QuerySelector("[data-testid=tlp-banner]")!.TextContent.ShouldContain("TLP:AMBER+STRICT");
        article.QuerySelector("[data-testid=briefing-title]")!.TextContent.ShouldBe("Hypervisor escape under active exploitation");
        article.QuerySelector("[data-testid=briefing-date]")!.GetAttribute("datetime").ShouldBe(today.ToRouteValue());
        article.QuerySelector("[data-testid=briefing-body] strong")!.TextContent.ShouldBe("now");
        article.QuerySelector("[data-testid=vulnerabilities]")!.TextContent.ShouldContain("Quartzline Hypervisor");
        afterPublishing.QuerySelectorAll("[data-testid=archive-entry]").Select(e => e.GetAttribute("data-date")).ShouldNotContain(today.ToRouteValue());
        afterPublishing.QuerySelectorAll("[data-testid=archive-entry]").Select(e => e.GetAttribute("data-date")).ShouldContain(today.AddDays(-1).ToRouteValue());
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    public async Task Get_DraftOrScheduledBriefing_IsNeitherListedNorReachableByUrl(string email)
    {
        // Arrange
        var draftDate = new DateOnly(2011, 3, 1);
        var scheduledDate = new DateOnly(2011, 3, 2);
        await portal.WithDbAsync(db => db.Briefings.Where(b => b.EditionDate == draftDate || b.EditionDate == scheduledDate).ExecuteDeleteAsync());
        await AddAsync(portal, draftDate, "Secret draft", status: BriefingStatus.Draft);
        await AddAsync(portal, scheduledDate, "Scheduled secret", status: BriefingStatus.Scheduled);
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var draft = await client.GetAsync(new Uri("/briefings/2011-03-01", UriKind.Relative), TestContext.Current.CancellationToken);
        using var scheduled = await client.GetAsync(new Uri("/briefings/2011-03-02", UriKind.Relative), TestContext.Current.CancellationToken);
        var listed = await client.GetDocumentAsync("/briefings/search?from=2011-03-01&to=2011-03-02");
        var archive = await client.GetDocumentAsync("/briefings");

        // Assert
        draft.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        scheduled.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        listed.QuerySelector("[data-testid=result-count]")!.TextContent.ShouldBe("0 briefings");
        archive.Body!.TextContent.ShouldNotContain("Secret draft");
        archive.Body!.TextContent.ShouldNotContain("Scheduled secret");
    }

    [Fact]
    public async Task Get_EditionByDate_ShowsItWithTheBannerFirstAndLinksToNeighbouringEditions()
    {
        // Arrange
        await AddAsync(portal, new DateOnly(2012, 5, 1), "Earlier edition");
        await AddAsync(portal, new DateOnly(2012, 5, 3), "Ransomware negotiation notes", "For the room only.", BriefingStatus.Published, TlpLabel.Red);
        await AddAsync(portal, new DateOnly(2012, 5, 5), "A draft in between", status: BriefingStatus.Draft);
        await AddAsync(portal, new DateOnly(2012, 5, 7), "Later edition");
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/briefings/2012-05-03");

        // Assert
        var article = page.QuerySelector("main [data-testid=briefing]").ShouldNotBeNull();
        article.FirstElementChild!.GetAttribute("data-testid").ShouldBe("tlp-banner");
        article.QuerySelector("[data-testid=tlp-banner]")!.ClassList.ShouldContain("tlp-red");
        article.QuerySelector("[data-testid=tlp-banner] .tlp-label")!.TextContent.ShouldBe("TLP:RED");
        article.QuerySelector("[data-testid=tlp-banner] .tlp-meaning")!.TextContent.ShouldBe(TlpLabel.Red.Meaning());
        page.QuerySelector("h1")!.TextContent.ShouldBe("Ransomware negotiation notes");
        page.Title.ShouldBe("Ransomware negotiation notes (2012-05-03) · CEC Portal");
        page.QuerySelector("[data-testid=briefing-body]")!.TextContent.Trim().ShouldBe("For the room only.");
        page.QuerySelector("[data-testid=previous-edition]")!.GetAttribute("href").ShouldBe("/briefings/2012-05-01");
        page.QuerySelector("[data-testid=next-edition]")!.GetAttribute("href").ShouldBe("/briefings/2012-05-07");
    }

    [Theory]
    [InlineData("/briefings/2026-13-45")]
    [InlineData("/briefings/2026-02-30")]
    [InlineData("/briefings/1999-01-01")]
    [InlineData("/briefings/20261125")]
    [InlineData("/briefings/latest")]
    public async Task Get_BadOrUnknownDate_Answers404WithTheNotFoundPage(string url)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
    }

    [Fact]
    public async Task Get_ArchiveOfManyBriefings_ListsThemNewestFirstPageByPage()
    {
        // Arrange
        var first = new DateOnly(2013, 1, 1);
        for (var day = 0; day < 23; day++)
        {
            IReadOnlyList<VulnerabilityEntry> vulnerabilities = day == 0
                ? [Vulnerability("CVE-2013-0001", "Old Gateway"), Vulnerability("CVE-2013-0002", "Old Mail Server")]
                : [];
            await AddAsync(portal, first.AddDays(day), $"Archive edition {day:00}", tlp: day == 1 ? TlpLabel.Green : TlpLabel.Amber, vulnerabilities: vulnerabilities);
        }

        var today = Today(portal);
        var expected = await portal.WithDbAsync(db => db.Briefings
            .Where(b => (b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent) && b.EditionDate != today)
            .OrderByDescending(b => b.EditionDate)
            .Select(b => b.EditionDate)
            .ToListAsync(TestContext.Current.CancellationToken));
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var firstPage = await client.GetDocumentAsync("/briefings");
        var secondPage = await client.GetDocumentAsync(firstPage.QuerySelector("[data-testid=pager] a[rel=next]")!.GetAttribute("href")!);
        var lastPage = await client.GetDocumentAsync($"/briefings?p={(expected.Count + 9) / 10}");
        var oldestOfThisTest = await client.GetDocumentAsync($"/briefings?p={(expected.IndexOf(first) / 10) + 1}");

        // Assert
        static List<string?> Dates(AngleSharp.Html.Dom.IHtmlDocument page) => [.. page.QuerySelectorAll("[data-testid=archive-entry]").Select(e => e.GetAttribute("data-date"))];
        Dates(firstPage).ShouldBe([.. expected.Take(10).Select(d => d.ToRouteValue())]);
        Dates(secondPage).ShouldBe([.. expected.Skip(10).Take(10).Select(d => d.ToRouteValue())]);
        var oldest = lastPage.QuerySelectorAll("[data-testid=archive-entry]")[^1];
        oldest.GetAttribute("data-date").ShouldBe(expected[^1].ToRouteValue());
        var entry = oldestOfThisTest.QuerySelector("[data-testid=archive-entry][data-date='2013-01-01']").ShouldNotBeNull();
        entry.QuerySelector("a")!.GetAttribute("href").ShouldBe("/briefings/2013-01-01");
        entry.QuerySelector("a")!.TextContent.ShouldBe("Archive edition 00");
        entry.QuerySelector("[data-testid=vulnerability-count]")!.TextContent.ShouldBe("2 vulnerabilities");
        var green = (await client.GetDocumentAsync($"/briefings?p={(expected.IndexOf(first.AddDays(1)) / 10) + 1}"))
            .QuerySelector("[data-testid=archive-entry][data-date='2013-01-02']").ShouldNotBeNull();
        green.QuerySelector("[data-testid=tlp]")!.TextContent.ShouldBe("TLP:GREEN");
        green.QuerySelector("[data-testid=vulnerability-count]")!.TextContent.ShouldBe("0 vulnerabilities");
        secondPage.QuerySelector("[data-testid=todays-briefing]").ShouldBeNull();
    }
}
