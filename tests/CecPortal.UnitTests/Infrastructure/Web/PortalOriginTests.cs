using CecPortal.Web.Infrastructure.Operations;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace CecPortal.UnitTests.Infrastructure.Web;

public sealed class PortalOriginTests
{
    [Theory]
    [InlineData("https://portal.cisos.example", false)]
    [InlineData("https://portal.cisos.example/", false)]
    [InlineData("https://portal.cisos.example:8443", false)]
    [InlineData("http://localhost:8080", false)]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://portal.cisos.example", true)]
    public void Validate_AcceptableAddress_NoProblem(string baseUrl, bool development)
    {
        // Arrange
        var origin = new PortalOrigin { BaseUrl = baseUrl, PlainHttpAllowed = development };

        // Act
        var problems = Problems(origin);

        // Assert
        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "Portal__BaseUrl is required: the portal's public address, such as https://portal.example.eu, from which every emailed link is built.")]
    [InlineData("  ", "Portal__BaseUrl is required: the portal's public address, such as https://portal.example.eu, from which every emailed link is built.")]
    [InlineData("portal.cisos.example", "Portal__BaseUrl must be the portal's root address, such as https://portal.example.eu, without path, query or fragment (was 'portal.cisos.example').")]
    [InlineData("/account", "Portal__BaseUrl must be the portal's root address, such as https://portal.example.eu, without path, query or fragment (was '/account').")]
    [InlineData("ftp://portal.cisos.example", "Portal__BaseUrl must be the portal's root address, such as https://portal.example.eu, without path, query or fragment (was 'ftp://portal.cisos.example').")]
    [InlineData("https://portal.cisos.example/members", "Portal__BaseUrl must be the portal's root address, such as https://portal.example.eu, without path, query or fragment (was 'https://portal.cisos.example/members').")]
    [InlineData("https://portal.cisos.example/?x=1", "Portal__BaseUrl must be the portal's root address, such as https://portal.example.eu, without path, query or fragment (was 'https://portal.cisos.example/?x=1').")]
    [InlineData("https://portal.cisos.example/#top", "Portal__BaseUrl must be the portal's root address, such as https://portal.example.eu, without path, query or fragment (was 'https://portal.cisos.example/#top').")]
    [InlineData("https://user@portal.cisos.example", "Portal__BaseUrl must be the portal's root address, such as https://portal.example.eu, without path, query or fragment (was 'https://user@portal.cisos.example').")]
    [InlineData("http://portal.cisos.example", "Portal__BaseUrl must start with https:// outside Development (was 'http://portal.cisos.example').")]
    public void Validate_OutsideDevelopment_OneSentenceNamingTheSetting(string? baseUrl, string expected)
    {
        // Arrange
        var origin = new PortalOrigin { BaseUrl = baseUrl, PlainHttpAllowed = false };

        // Act
        var problems = Problems(origin);

        // Assert
        problems.ShouldBe([expected]);
    }

    [Fact]
    public void Absolute_PathWithQuery_OnTheConfiguredOriginOnly()
    {
        // Arrange
        var origin = new PortalOrigin { BaseUrl = "https://portal.cisos.example/" };

        // Act
        var link = new PortalUrls(Options.Create(origin)).Absolute("/account/reset-password?code=a%2Fb");

        // Assert
        link.ShouldBe("https://portal.cisos.example/account/reset-password?code=a%2Fb");
    }

    private static List<string> Problems(PortalOrigin origin) => [.. new SettingsValidator<PortalOrigin>(null, "Portal").Failures(origin)];
}
