using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Shouldly;

namespace CecPortal.IntegrationTests.MemberDirectory;

public sealed class MemberDirectoryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Get_Anonymously_RedirectsToSignIn()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/members", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    public async Task Get_AsMemberOrStaff_Succeeds(string email)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.GetAsync(new Uri("/members", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_AsMember_NavigationListsMembersBetweenWebinarsAndProfile()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/members");

        // Assert
        page.QuerySelectorAll("[data-testid=nav] a").Select(a => a.TextContent).ShouldBe(["Home", "Briefings", "Sharing", "Webinars", "Consultations", "Members", "Profile"]);
        page.QuerySelector("[data-testid=nav] a.active")!.TextContent.ShouldBe("Members");
    }

    [Fact]
    public async Task Get_FilteredByCountry_ShowsOnlyThatCountrysActiveMembersByName()
    {
        // Arrange
        await portal.CreateUserAsync("p.martin@demo.cec.example", "Paul Martin", Roles.Member, "FR", "transport");
        await portal.CreateUserAsync("s.suspendue@demo.cec.example", "Sylvie Suspendue", Roles.Member, "FR", "energy", suspended: true);
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/members?country=FR");

        // Assert
        page.QuerySelectorAll("[data-testid=directory] [data-testid=name]").Select(c => c.TextContent).ShouldBe(["Marie Dubois", "Paul Martin"]);
        page.QuerySelectorAll("[data-testid=directory] [data-testid=country]").ShouldAllBe(c => c.TextContent == "France");
        page.QuerySelector("#country option[selected]")!.GetAttribute("value").ShouldBe("FR");
    }

    [Fact]
    public async Task Get_Unfiltered_ListsActiveMembersOnlyNeverSuspendedOnesOrStaff()
    {
        // Arrange
        await portal.CreateUserAsync("x.hidden@demo.cec.example", "Xavier Hidden", Roles.Member, "MT", "health", suspended: true);
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/members");

        // Assert
        var names = page.QuerySelectorAll("[data-testid=directory] [data-testid=name]").Select(c => c.TextContent).ToList();
        names.ShouldContain("Jonas Schneider");
        names.ShouldNotContain("Xavier Hidden");
        names.ShouldNotContain("Alex Admin");
        names.ShouldNotContain("Valeria Vetter");
        names.ShouldBe(names.Order(StringComparer.Ordinal));
        page.QuerySelectorAll("#country option").Select(o => o.TextContent).ShouldNotContain("Malta");
    }

    [Fact]
    public async Task Get_FilterOptions_ListOnlyCountriesAndSectorsThatHaveMembers()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/members");

        // Assert
        var countries = page.QuerySelectorAll("#country option").Select(o => o.TextContent).ToList();
        countries.ShouldContain("Germany");
        countries.ShouldNotContain("United States");
        var sectors = page.QuerySelectorAll("#sector option").Select(o => o.GetAttribute("value")).ToList();
        sectors.ShouldContain("banking");
        sectors.ShouldNotContain("waste-water");
    }

    [Fact]
    public async Task Get_FilteredBySector_ShowsOnlyThatSector()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/members?sector=space");

        // Assert
        page.QuerySelectorAll("[data-testid=directory] [data-testid=name]").Select(c => c.TextContent).ShouldBe(["Anna Lindqvist"]);
        page.QuerySelector("[data-testid=directory] [data-testid=sector]")!.TextContent.ShouldBe("Space");
    }

    [Fact]
    public async Task Get_MoreThan25Members_PagesThem()
    {
        // Arrange
        for (var i = 0; i < 27; i++)
        {
            await portal.CreateUserAsync($"lu{i:00}@demo.cec.example", $"Luxembourg Member {i:00}", Roles.Member, "LU", "banking");
        }

        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var first = await client.GetDocumentAsync("/members?country=LU");
        var second = await client.GetDocumentAsync(first.QuerySelector("[data-testid=pager] a[rel=next]")!.GetAttribute("href")!);

        // Assert
        first.QuerySelectorAll("[data-testid=directory] tbody tr").Length.ShouldBe(25);
        first.QuerySelector("[data-testid=member-count]")!.TextContent.ShouldBe("27 members");
        second.QuerySelectorAll("[data-testid=directory] [data-testid=name]").Select(c => c.TextContent).ShouldBe(["Luxembourg Member 25", "Luxembourg Member 26"]);
    }

    [Theory]
    [InlineData("/members?country=FRA")]
    [InlineData("/members?country=ZZ")]
    [InlineData("/members?country=FR&sector=no-such-sector")]
    public async Task Get_WithUnknownFilter_ShowsNoMembers(string url)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync(url);

        // Assert
        page.QuerySelector("[data-testid=no-members]").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/members?p=abc")]
    [InlineData("/members?p=-3")]
    [InlineData("/members?p=999")]
    public async Task Get_WithBadPageNumber_ShowsAPageOfMembers(string url)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync(url);

        // Assert
        page.QuerySelectorAll("[data-testid=directory] tbody tr").ShouldNotBeEmpty();
    }
}
