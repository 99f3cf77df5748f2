using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Security;

/// <summary>The browser protections on every kind of response: pages, errors, redirects, files, feeds, health.</summary>
public sealed class SecurityHeadersTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData(null, "/", HttpStatusCode.OK)]
    [InlineData(null, "/apply", HttpStatusCode.OK)]
    [InlineData(null, "/profile", HttpStatusCode.Redirect)]
    [InlineData(null, "/no-such-page", HttpStatusCode.Redirect)]
    [InlineData(null, "/css/site.css", HttpStatusCode.OK)]
    [InlineData(null, "/health/ready", HttpStatusCode.OK)]
    [InlineData(null, "/briefings/feed/not-a-token", HttpStatusCode.NotFound)]
    [InlineData(PortalFactory.MemberEmail, "/briefings", HttpStatusCode.OK)]
    [InlineData(PortalFactory.MemberEmail, "/webinars", HttpStatusCode.OK)]
    [InlineData(PortalFactory.MemberEmail, "/admin", HttpStatusCode.Forbidden)]
    [InlineData(PortalFactory.MemberEmail, "/webinars/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData(PortalFactory.AdminEmail, "/admin/audit", HttpStatusCode.OK)]
    public async Task Get_AnyKindOfResponse_CarriesTheBrowserProtections(string? email, string path, HttpStatusCode status)
    {
        // Arrange
        using var client = email is null ? portal.CreateClient() : await portal.SignedInClientAsync(email);

        // Act
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(status);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        Directive(csp, "script-src").ShouldBe("'self'");
        Directive(csp, "frame-ancestors").ShouldBe("'none'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS is for production over HTTPS only");
    }

    [Fact]
    public async Task Get_JobsDashboard_IsNeverFramedEitherThoughItKeepsItsInlineScripts()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Directive(response.Headers.GetValues("Content-Security-Policy").Single(), "frame-ancestors").ShouldBe("'none'");
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }

    [Fact]
    public async Task Get_OutsideDevelopmentOverHttps_SendsHstsForAYear()
    {
        // Arrange
        await using var production = portal.Factory.WithWebHostBuilder(builder => builder
            .UseSetting("environment", "Production")
            .UseSetting("Portal:BaseUrl", "https://portal.cec.example")

            .UseSetting("DataProtection:CertificatePath", KeyRingCertificate.Shared.Path)
            .UseSetting("DataProtection:CertificatePassword", KeyRingCertificate.Shared.Password));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.cec.example"), AllowAutoRedirect = false });

        // Act
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");
        Directive(response.Headers.GetValues("Content-Security-Policy").Single(), "frame-ancestors").ShouldBe("'none'");
    }

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries)
            .Single(d => d.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];
}
