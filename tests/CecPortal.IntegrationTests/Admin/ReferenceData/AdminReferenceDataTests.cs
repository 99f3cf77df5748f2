using System.Net;
using CecPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.ReferenceData;

public sealed class AdminReferenceDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData("vetter.country@demo.cec.example")]
    public async Task Get_AsNonAdmin_IsForbidden(string email)
    {
        using var client = await portal.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri("/admin/reference-data", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AddDomain_AsAdmin_IsListedAndAudited()
    {
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        using var response = await admin.SubmitFormAsync("/admin/reference-data?handler=AddDomain", new Dictionary<string, string> { ["Domain.Name"] = "@Mail.Example-Provider.eu" }, "form[action*='AddDomain']");
        var page = await admin.GetDocumentAsync("/admin/reference-data");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")?.TextContent);
        page.QuerySelector("[data-testid=free-mail-domains]")!.TextContent.ShouldContain("mail.example-provider.eu");
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "free-mail.add" && e.Subject == "domain:mail.example-provider.eu"))).ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a domain")]
    [InlineData("<script>.eu")]
    public async Task AddDomain_WithBadInput_ReshowsPageWithMessageAndAddsNothing(string value)
    {
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var before = await portal.WithDbAsync(db => db.FreeMailDomains.CountAsync());

        using var response = await admin.SubmitFormAsync("/admin/reference-data?handler=AddDomain", new Dictionary<string, string> { ["Domain.Name"] = value }, "form[action*='AddDomain']");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("domain");
        (await portal.WithDbAsync(db => db.FreeMailDomains.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task RemoveDomain_AsAdmin_RemovesIt()
    {
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        using var response = await admin.SubmitFormAsync("/admin/reference-data", new Dictionary<string, string>(), "form[action*='RemoveDomain'][action*='gmx.de']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.FreeMailDomains.AnyAsync(d => d.Domain == "gmx.de"))).ShouldBeFalse();
    }

    [Fact]
    public async Task RenameSector_AsAdmin_ChangesNameAndAudits()
    {
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        using var response = await admin.SubmitFormAsync("/admin/reference-data", new Dictionary<string, string> { ["Sector.Name"] = "Energy (electricity, oil, gas, hydrogen)" }, "form[action*='RenameSector']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.Sectors.Where(s => s.Code == "energy").Select(s => s.Name).SingleAsync())).ShouldBe("Energy (electricity, oil, gas, hydrogen)");
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "sector.rename" && e.Subject == "sector:energy"))).ShouldBe(1);
    }

    [Fact]
    public async Task RenameSector_WithEmptyName_ReshowsPageWithMessage()
    {
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        using var response = await admin.SubmitFormAsync("/admin/reference-data", new Dictionary<string, string> { ["Sector.Name"] = "   " }, "form[action*='RenameSector']");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("Enter the sector's name.");
    }
}
