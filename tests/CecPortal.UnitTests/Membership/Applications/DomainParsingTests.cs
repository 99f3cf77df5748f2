using CecPortal.Web.Features.Membership.Applications;

namespace CecPortal.UnitTests.Membership.Applications;

public sealed class DomainParsingTests
{
    [Theory]
    [InlineData("marie@example.eu", "example.eu")]
    [InlineData("Marie.Curie@EXAMPLE.EU", "example.eu")]
    [InlineData("marie@example.eu.", "example.eu")]
    [InlineData("marie@mail.example.eu", "mail.example.eu")]
    [InlineData("marie@example.eu ", "example.eu")]
    [InlineData("\"odd@name\"@example.eu", "example.eu")]
    [InlineData("marie", "")]
    [InlineData("", "")]
    [InlineData("marie@", "")]
    public void DomainOfEmail_Address_GivesLowerCaseDomain(string email, string expected)
    {
        // Arrange
        // Act
        var domain = MembershipApplication.DomainOfEmail(email);

        // Assert
        domain.ShouldBe(expected);
    }

    [Theory]
    [InlineData("https://www.example.eu/about", "example.eu")]
    [InlineData("https://example.eu", "example.eu")]
    [InlineData("HTTPS://WWW.EXAMPLE.EU/", "example.eu")]
    [InlineData("example.eu", "example.eu")]
    [InlineData("www.example.eu", "example.eu")]
    [InlineData("  www.example.eu  ", "example.eu")]
    [InlineData("https://example.eu.", "example.eu")]
    [InlineData("https://www.example.eu./", "example.eu")]
    [InlineData("https://portal.example.eu/path/page?query=1&x=y#fragment", "portal.example.eu")]
    [InlineData("http://example.eu:8443/login", "example.eu")]
    [InlineData("https://user@example.eu", "example.eu")]
    [InlineData("https://www.www.example.eu", "www.example.eu")]
    [InlineData("https://wwwexample.eu", "wwwexample.eu")]
    [InlineData("https://bücher.de", "xn--bcher-kva.de")]
    [InlineData("https://www.Bücher.de/über", "xn--bcher-kva.de")]
    [InlineData("https://xn--bcher-kva.de", "xn--bcher-kva.de")]
    [InlineData("https://münchen.example.eu", "xn--mnchen-3ya.example.eu")]
    public void DomainOfWebsite_Address_GivesHostWithoutWww(string website, string expected)
    {
        // Arrange
        // Act
        var domain = MembershipApplication.DomainOfWebsite(website);

        // Assert
        domain.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://")]
    [InlineData("https:///about")]
    [InlineData("not a url")]
    [InlineData("localhost")]
    [InlineData("https://localhost:5001")]
    [InlineData("https://exa mple.eu")]
    public void DomainOfWebsite_NoUsableHost_GivesNull(string website)
    {
        // Arrange
        // Act
        var domain = MembershipApplication.DomainOfWebsite(website);

        // Assert
        domain.ShouldBeNull();
    }
}
