namespace CecPortal.IntegrationTests.Security;

/// <summary>A portal whose public address differs from the Host the test clients send.</summary>
public sealed class ConfiguredOriginPortalFixture : PortalFixture
{
    public const string Origin = "https://portal.cec.example";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Portal:BaseUrl"] = Origin };
}
