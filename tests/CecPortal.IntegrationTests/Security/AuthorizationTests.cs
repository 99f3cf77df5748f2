using System.Net;
using CecPortal.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Security;

public sealed class AuthorizationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/apply")]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Get_PublicPageAnonymously_Succeeds(string path)
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/audit")]
    [InlineData("/briefings")]
    [InlineData("/webinars")]
    [InlineData("/profile")]
    [InlineData("/account/change-password")]
    public async Task Get_ProtectedPageAnonymously_RedirectsToSignIn(string path)
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/audit")]
    public async Task Get_AdminAreaAsMember_IsForbidden(string path)
    {
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_AdminAreaAsMember_ShowsAccessDeniedPage()
    {
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        var document = await response.ReadDocumentAsync();

        document.QuerySelector("main h1")!.TextContent.ShouldBe("Access denied");
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/audit")]
    public async Task Get_AdminAreaAsAdmin_Succeeds(string path)
    {
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.CountryVetterEmail)]
    [InlineData(PortalFactory.SectorVetterEmail)]
    public async Task Get_AuditLogAsNonAdminStaff_IsForbidden(string email)
    {
        using var client = await portal.SignedInClientAsync(email);

        using var response = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_JobsDashboardAsEditor_IsForbiddenButAdminHomeIsOpen()
    {
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        using var jobs = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative), TestContext.Current.CancellationToken);
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);

        jobs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/briefings")]
    [InlineData("/webinars")]
    [InlineData("/profile")]
    public async Task Get_MemberPagesAsMember_Succeed(string path)
    {
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_Page_SendsSecurityHeaders()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
    }

    [Fact]
    public async Task Get_UnknownPageSignedIn_Returns404WithPortalPage()
    {
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);
        var document = await response.ReadDocumentAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        document.QuerySelector("main h1")!.TextContent.ShouldBe("Page not found");
    }
}
