using System.Net;
using CecPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Countries;

public sealed class AdminCountriesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Url = "/admin/countries";

    [Fact]
    public async Task Get_Anonymously_RedirectsToSignIn()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.CountryVetterEmail)]
    public async Task Get_AsAnyoneButAdmin_IsForbidden(string email)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_AsAdmin_ListsEveryCountryWithItsEligibility()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var countries = await portal.WithDbAsync(db => db.Countries.CountAsync());

        // Act
        var page = await client.GetDocumentAsync(Url);

        // Assert
        page.QuerySelectorAll("[data-testid=countries] tbody tr").Length.ShouldBe(countries);
        page.QuerySelector("tr[data-country=FR] [data-testid=eligible]")!.TextContent.ShouldBe("Yes");
        page.QuerySelector("tr[data-country=US] [data-testid=eligible]")!.TextContent.ShouldBe("No");
    }

    [Fact]
    public async Task Get_WithSearchAndEligibleOnly_ShowsOnlyMatchingEligibleCountries()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync($"{Url}?q=LAND&eligible=true");

        // Assert
        var rows = page.QuerySelectorAll("[data-testid=countries] tbody tr");
        rows.Select(r => r.GetAttribute("data-country")).ShouldContain("FI");
        rows.Select(r => r.GetAttribute("data-country")).ShouldNotContain("TH");
        rows.ShouldAllBe(r => r.QuerySelector("[data-testid=eligible]")!.TextContent == "Yes");
        rows.ShouldAllBe(r => r.Children[1].TextContent.Contains("land", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Get_SearchByCode_FindsTheCountry()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync($"{Url}?q=de");

        // Assert
        page.QuerySelectorAll("[data-testid=countries] tbody tr").Select(r => r.GetAttribute("data-country")).ShouldContain("DE");
    }

    [Fact]
    public async Task Get_SearchWithLikeWildcards_MatchesThemLiterally()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync($"{Url}?q=%25_");

        // Assert
        page.QuerySelectorAll("[data-testid=countries] tbody tr").ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_MarkNotEligible_PersistsKeepsTheFilterAndWritesAuditEntry()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await client.SubmitFormAsync($"{Url}?q=malta", new Dictionary<string, string>(), "tr[data-country=MT] form");
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"{Url}?q=malta");
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Malta (MT) is not eligible.");
        page.QuerySelector("tr[data-country=MT] [data-testid=eligible]")!.TextContent.ShouldBe("No");
        (await portal.WithDbAsync(db => db.Countries.Where(c => c.Code == "MT").Select(c => c.IsEligible).SingleAsync())).ShouldBeFalse();
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == "country:MT").ToListAsync());
        audit.ShouldHaveSingleItem();
        audit[0].Action.ShouldBe("country.eligibility");
        audit[0].Note.ShouldBe("not eligible");
        audit[0].ActorName.ShouldBe(PortalFactory.AdminEmail);
        audit[0].ActorId.ShouldBe(await portal.UserIdAsync(PortalFactory.AdminEmail));
    }

    [Fact]
    public async Task Post_MarkEligible_PersistsAndWritesAuditEntry()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await client.SubmitFormAsync(Url, new Dictionary<string, string>(), "tr[data-country=CA] form");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Countries.Where(c => c.Code == "CA").Select(c => c.IsEligible).SingleAsync())).ShouldBeTrue();
        var notes = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == "country:CA" && e.Action == "country.eligibility").Select(e => e.Note).ToListAsync());
        notes.ShouldBe(["eligible"]);
    }

    [Fact]
    public async Task Post_UnknownCountryCode_Returns404()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await client.SubmitFormAsync(Url, new Dictionary<string, string> { ["Input.Code"] = "ZZ" }, "tr[data-country=FR] form");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("FRA")]
    public async Task Post_MalformedCountryCode_ReshowsPageWithMessageAndChangesNothing(string code)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var auditEntries = await portal.WithDbAsync(db => db.AuditEntries.CountAsync());

        // Act
        using var response = await client.SubmitFormAsync(Url, new Dictionary<string, string> { ["Input.Code"] = code }, "tr[data-country=FR] form");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        (await portal.WithDbAsync(db => db.Countries.Where(c => c.Code == "FR").Select(c => c.IsEligible).SingleAsync())).ShouldBeTrue();
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(auditEntries);
    }
}
