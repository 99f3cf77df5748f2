using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CecPortal.Testing;

/// <summary>
/// Self-signed certificates for the Data Protection key ring, as an operator makes with openssl: RSA, in a PKCS#12
/// file with a password. Production requires one, so every portal started outside Development in tests gets <see cref="Shared"/>.
/// </summary>
public sealed record KeyRingCertificate(string Path, string Password)
{
    private static readonly Lazy<KeyRingCertificate> SharedCertificate = new(() => Create());

    /// <summary>One certificate for the whole test process.</summary>
    public static KeyRingCertificate Shared => SharedCertificate.Value;

    /// <summary>The settings naming it, as configuration keys (for <see cref="PortalFactory"/>).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = Path,
        ["DataProtection:CertificatePassword"] = Password,
    };

    /// <summary>The same settings as environment variables (for a portal started as a process).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => new Dictionary<string, string>
    {
        ["DataProtection__CertificatePath"] = Path,
        ["DataProtection__CertificatePassword"] = Password,
    };

    /// <summary>A new certificate in its own temporary directory.</summary>
    public static KeyRingCertificate Create(string subject = "CN=CEC Portal key ring (test)")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("cecportal-keyring-").FullName, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return new KeyRingCertificate(path, password);
    }
}
