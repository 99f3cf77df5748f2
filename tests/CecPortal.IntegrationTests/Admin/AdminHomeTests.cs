using CecPortal.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin;

public sealed class AdminHomeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Get_AsAdmin_LinksEveryAdminPage()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert
        page.QuerySelectorAll("[data-testid=admin-links] a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/admin/vetting", "/admin/briefings", "/admin/webinars", "/admin/consultations", "/admin/sharing", "/admin/sharing/reports", "/admin/members", "/admin/staff", "/admin/vetters", "/admin/countries", "/admin/reference-data", "/admin/privacy", "/admin/breach", "/admin/audit", "/admin/jobs"]);
    }

    [Fact]
    public async Task Get_AsVetter_LinksOnlyTheVettingQueue()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.SectorVetterEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert
        page.QuerySelectorAll("[data-testid=admin-links] a").Select(a => a.TextContent).ShouldBe(["Vetting queue"]);
    }

    [Fact]
    public async Task Get_AsEditor_LinksOnlyTheBriefingsWebinarsAndConsultations()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert
        page.QuerySelectorAll("[data-testid=admin-links] a").Select(a => a.GetAttribute("href")).ShouldBe(["/admin/briefings", "/admin/webinars", "/admin/consultations"]);
    }

    [Fact]
    public async Task Get_AsPolicyOfficer_LinksOnlyTheConsultations()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.PolicyEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert
        page.QuerySelectorAll("[data-testid=admin-links] a").Select(a => a.GetAttribute("href")).ShouldBe(["/admin/consultations"]);
    }

    [Fact]
    public async Task Get_AsModerator_LinksOnlyTheSharingSpace()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.ModeratorEmail);

        // Act
        var page = await client.GetDocumentAsync("/admin");

        // Assert
        page.QuerySelectorAll("[data-testid=admin-links] a").Select(a => a.GetAttribute("href")).ShouldBe(["/admin/sharing", "/admin/sharing/reports"]);
    }
}
