using CecPortal.Web.Features.Account.Passkeys;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.Extensions.Configuration;

namespace CecPortal.UnitTests.Account;

public sealed class PasskeyOptionsTests
{
    private static readonly Uri Portal = new("https://portal.cisos.example");

    [Fact]
    public void Resolve_NothingConfigured_DomainAndOriginOfTheBaseUrl()
    {
        // Arrange
        var configuration = Configuration([]);

        // Act
        var (domain, origins) = PasskeyOptions.Resolve(configuration, Portal);

        // Assert
        domain.ShouldBe("portal.cisos.example");
        origins.ShouldBe(["https://portal.cisos.example"]);
    }

    [Fact]
    public void Resolve_ParentDomainAndTwoOrigins_Accepted()
    {
        // Arrange
        var configuration = Configuration(new()
        {
            ["Passkeys:ServerDomain"] = "CISOS.example",
            ["Passkeys:AllowedOrigins:0"] = "https://portal.cisos.example/",
            ["Passkeys:AllowedOrigins:1"] = "https://members.cisos.example",
        });

        // Act
        var (domain, origins) = PasskeyOptions.Resolve(configuration, Portal);

        // Assert
        domain.ShouldBe("cisos.example");
        origins.ShouldBe(["https://portal.cisos.example", "https://members.cisos.example"]);
    }

    [Theory]
    [InlineData("https://portal.evil.example")]
    [InlineData("https://notcisos.example")]
    [InlineData("not an address")]
    public void Resolve_OriginOutsideTheDomain_RefusedNamingTheSettings(string origin)
    {
        // Arrange
        var configuration = Configuration(new()
        {
            ["Passkeys:ServerDomain"] = "cisos.example",
            ["Passkeys:AllowedOrigins:0"] = origin,
        });

        // Act
        var refused = Should.Throw<PortalConfigurationException>(() => PasskeyOptions.Resolve(configuration, Portal));

        // Assert
        refused.Message.ShouldContain("Passkeys__AllowedOrigins");
        refused.Message.ShouldContain("Passkeys__ServerDomain");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
