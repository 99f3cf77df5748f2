using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Vetters;

public sealed class AdminVettersTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Get_IndexAnonymously_RedirectsToSignIn()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/admin/vetters", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.CountryVetterEmail)]
    public async Task Get_IndexAndEditAsAnyoneButAdmin_AreForbidden(string email)
    {
        // Arrange
        var vetterId = await portal.UserIdAsync(PortalFactory.CountryVetterEmail);
        using var client = await portal.SignedInClientAsync(email);

        // Act
        using var index = await client.GetAsync(new Uri("/admin/vetters", UriKind.Relative), TestContext.Current.CancellationToken);
        using var edit = await client.GetAsync(new Uri($"/admin/vetters/{vetterId}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        index.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        edit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_IndexAsAdmin_ShowsEachVetterWithTheirScope()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin/vetters");

        // Assert
        var countryVetter = page.QuerySelector($"tr[data-vetter='{PortalFactory.CountryVetterEmail}']")!;
        countryVetter.QuerySelector("[data-testid=countries]")!.TextContent.ShouldBe("AT, BE, CH, CZ, DE, ES, FI, FR, GR, IE, IT, NL, NO, PL, PT, SE");
        countryVetter.QuerySelector("[data-testid=sectors]")!.TextContent.ShouldBe("None");
        var sectorVetter = page.QuerySelector($"tr[data-vetter='{PortalFactory.SectorVetterEmail}']")!;
        sectorVetter.QuerySelector("[data-testid=countries]")!.TextContent.ShouldBe("None");
        sectorVetter.QuerySelector("[data-testid=sectors]")!.TextContent.ShouldStartWith("Energy, Transport, Banking");
        page.QuerySelector($"tr[data-vetter='{PortalFactory.AdminEmail}']").ShouldBeNull();
    }

    [Fact]
    public async Task Get_EditAsAdmin_TicksTheCurrentScopeAndOffersEligibleCountriesAndAllSectors()
    {
        // Arrange
        var vetterId = await portal.UserIdAsync(PortalFactory.CountryVetterEmail);
        var (eligible, sectors) = await portal.WithDbAsync(async db => (await db.Countries.CountAsync(c => c.IsEligible), await db.Sectors.CountAsync()));
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync($"/admin/vetters/{vetterId}");

        // Assert
        page.QuerySelectorAll("input[name='Input.Countries']").Length.ShouldBe(eligible);
        page.QuerySelectorAll("input[name='Input.Sectors']").Length.ShouldBe(sectors);
        page.QuerySelector("#country-FR")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("#country-DK")!.HasAttribute("checked").ShouldBeFalse();
        page.QuerySelector("#country-US").ShouldBeNull();
        page.QuerySelectorAll("input[name='Input.Sectors'][checked]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_Edit_ReplacesTheScopeAndWritesAuditEntry()
    {
        // Arrange
        var vetterId = await portal.CreateUserAsync("vetter.replace@demo.cec.example", "Vera Replace", Roles.Vetter);
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var first = await client.SubmitFormValuesAsync($"/admin/vetters/{vetterId}", [new("Input.Countries", "IT"), new("Input.Sectors", "health")]);

        // Act
        using var response = await client.SubmitFormValuesAsync($"/admin/vetters/{vetterId}", [new("Input.Countries", "FR"), new("Input.Countries", "DE"), new("Input.Sectors", "energy")]);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/admin/vetters");
        (await portal.WithDbAsync(db => db.VetterCountries.Where(v => v.UserId == vetterId).Select(v => v.CountryCode).OrderBy(c => c).ToListAsync())).ShouldBe(["DE", "FR"]);
        (await portal.WithDbAsync(db => db.VetterSectors.Where(v => v.UserId == vetterId).Select(v => v.SectorCode).ToListAsync())).ShouldBe(["energy"]);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{vetterId}").OrderBy(e => e.Id).ToListAsync());
        audit.Select(e => e.Action).ShouldBe(["vetter.scope", "vetter.scope"]);
        audit[^1].Note.ShouldBe("countries: DE, FR; sectors: energy");
        audit[^1].ActorName.ShouldBe(PortalFactory.AdminEmail);
    }

    [Fact]
    public async Task Post_EditWithNothingTicked_ClearsTheScope()
    {
        // Arrange
        var vetterId = await portal.CreateUserAsync("vetter.clear@demo.cec.example", "Vic Clear", Roles.Vetter);
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var first = await client.SubmitFormValuesAsync($"/admin/vetters/{vetterId}", [new("Input.Countries", "AT"), new("Input.Sectors", "space")]);

        // Act
        using var response = await client.SubmitFormValuesAsync($"/admin/vetters/{vetterId}", []);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.VetterCountries.CountAsync(v => v.UserId == vetterId))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.VetterSectors.CountAsync(v => v.UserId == vetterId))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{vetterId}").OrderBy(e => e.Id).Select(e => e.Note).ToListAsync()))[^1]
            .ShouldBe("countries: none; sectors: none");
    }

    [Fact]
    public async Task Get_EditAfterScopeWithNonEligibleCountry_StillOffersThatCountryTicked()
    {
        // Arrange
        var vetterId = await portal.CreateUserAsync("vetter.abroad@demo.cec.example", "Val Abroad", Roles.Vetter);
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var saved = await client.SubmitFormValuesAsync($"/admin/vetters/{vetterId}", [new("Input.Countries", "US")]);

        // Act
        var page = await client.GetDocumentAsync($"/admin/vetters/{vetterId}");

        // Assert
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector("#country-US")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("label[for=country-US]")!.TextContent.ShouldContain("not eligible");
    }

    [Fact]
    public async Task Post_EditWithUnknownCodes_ReshowsFormWithTickedBoxesAndChangesNothing()
    {
        // Arrange
        var vetterId = await portal.CreateUserAsync("vetter.typo@demo.cec.example", "Tina Typo", Roles.Vetter);
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var auditEntries = await portal.WithDbAsync(db => db.AuditEntries.CountAsync());

        // Act
        using var response = await client.SubmitFormValuesAsync(
            $"/admin/vetters/{vetterId}",
            [new("Input.Countries", "FR"), new("Input.Countries", "ZZ"), new("Input.Sectors", "energy"), new("Input.Sectors", "alchemy")]);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = page.QuerySelector(".validation-summary-errors")!.TextContent;
        message.ShouldContain("ZZ");
        message.ShouldContain("alchemy");
        page.QuerySelector("#country-FR")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("#sector-energy")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("#country-DE")!.HasAttribute("checked").ShouldBeFalse();
        (await portal.WithDbAsync(db => db.VetterCountries.CountAsync(v => v.UserId == vetterId))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.VetterSectors.CountAsync(v => v.UserId == vetterId))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync())).ShouldBe(auditEntries);
    }

    [Fact]
    public async Task Get_EditForUnknownUser_Returns404()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await client.GetAsync(new Uri("/admin/vetters/no-such-user", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    public async Task Get_EditForUserWhoIsNotAVetter_Returns404(string email)
    {
        // Arrange
        var userId = await portal.UserIdAsync(email);
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await client.GetAsync(new Uri($"/admin/vetters/{userId}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
