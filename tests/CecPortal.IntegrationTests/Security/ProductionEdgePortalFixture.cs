using CecPortal.Testing;

namespace CecPortal.IntegrationTests.Security;

/// <summary>
/// A Production portal on its public address, behind a proxy at <see cref="Proxy"/> (and any address in 10.1.0.0/16),
/// allowing one password-reset request per client and hour.
/// </summary>
public sealed class ProductionEdgePortalFixture : PortalFixture
{
    public const string Origin = "https://portal.cec.example";

    public const string Proxy = "10.0.0.5";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["environment"] = "Production",
        ["Portal:BaseUrl"] = Origin,
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16",
        ["RateLimits:PasswordResetPerHour"] = "1",
        ["Jobs:ServerEnabled"] = "false",
        ["DataProtection:CertificatePath"] = KeyRingCertificate.Shared.Path,
        ["DataProtection:CertificatePassword"] = KeyRingCertificate.Shared.Password,
    };
}
