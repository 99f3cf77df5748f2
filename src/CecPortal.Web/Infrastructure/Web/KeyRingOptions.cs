using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CecPortal.Web.Infrastructure.Web;

/// <summary>
/// The certificate that encrypts the Data Protection key ring in the database (section <c>DataProtection</c>): the ring
/// protects sign-in cookies and every emailed link, so a copy of the database must not hold its keys in the clear.
/// Required outside Development; <see cref="PreviousCertificates"/> only decrypt keys written before a rotation.
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its RSA private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates replaced by <see cref="CertificatePath"/>: keys they encrypted stay readable.</summary>
    public IList<KeyRingCertificateSetting> PreviousCertificates { get; } = [];

    /// <summary>Set outside Development: without a certificate the key ring would be written unencrypted.</summary>
    public bool CertificateRequired { get; private set; }

    public static void RequireOutsideDevelopment(KeyRingOptions options, IHostEnvironment environment) =>
        options.CertificateRequired = !environment.IsDevelopment();

    /// <summary>The certificate that encrypts new keys, or null when none is configured (Development only).</summary>
    public X509Certificate2? LoadCertificate() =>
        string.IsNullOrWhiteSpace(CertificatePath) ? null : Load(CertificatePath, CertificatePassword);

    /// <summary>The certificates replaced by <see cref="CertificatePath"/>, which only decrypt.</summary>
    public IReadOnlyList<X509Certificate2> LoadPreviousCertificates() =>
        [.. PreviousCertificates.Where(p => !string.IsNullOrWhiteSpace(p.Path)).Select(p => Load(p.Path!, p.Password))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(CertificatePath))
        {
            if (CertificateRequired)
            {
                yield return new ValidationResult(
                    "DataProtection__CertificatePath is required outside Development: set it to a PKCS#12 (.pfx) certificate with an RSA private key (and DataProtection__CertificatePassword), which encrypts the sign-in key ring stored in the database.",
                    [nameof(CertificatePath)]);
            }
        }
        else if (Problem(CertificatePath, CertificatePassword, "DataProtection__CertificatePassword") is { } problem)
        {
            yield return new ValidationResult($"DataProtection__CertificatePath {problem}", [nameof(CertificatePath)]);
        }

        for (var i = 0; i < PreviousCertificates.Count; i++)
        {
            var previous = PreviousCertificates[i];
            if (string.IsNullOrWhiteSpace(previous.Path))
            {
                yield return new ValidationResult($"DataProtection__PreviousCertificates__{i}__Path is required: the file of a certificate that encrypted keys before a rotation.", [nameof(PreviousCertificates)]);
            }
            else if (Problem(previous.Path, previous.Password, $"DataProtection__PreviousCertificates__{i}__Password") is { } problem)
            {
                yield return new ValidationResult($"DataProtection__PreviousCertificates__{i}__Path {problem}", [nameof(PreviousCertificates)]);
            }
        }
    }

    private static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password);

    /// <summary>Why the file cannot encrypt or decrypt the key ring (one sentence, after the setting's name), or null.</summary>
    private static string? Problem(string path, string? password, string passwordSetting)
    {
        try
        {
            using var certificate = Load(path, password);
            using var key = certificate.GetRSAPrivateKey();
            return key is null ? $"'{path}' holds no RSA private key: the key ring is encrypted with RSA, so export the certificate with its RSA key." : null;
        }
        catch (CryptographicException)
        {
            return $"'{path}' could not be opened: it is not a PKCS#12 (.pfx) file or {passwordSetting} is wrong.";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"'{path}' could not be read: the file is missing or the portal may not read it.";
        }
    }
}
