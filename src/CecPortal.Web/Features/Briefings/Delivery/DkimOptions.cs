namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>Optional DKIM signing of the briefing emails (section <c>Email:Dkim</c>); off unless all parts are set.</summary>
public sealed class DkimOptions : IValidatableObject
{
    public const string Section = "Email:Dkim";

    /// <summary>The signing domain (<c>d=</c>), normally the domain of the From address.</summary>
    public string? Domain { get; set; }

    /// <summary>The selector (<c>s=</c>): the public key is published at <c>{selector}._domainkey.{domain}</c>.</summary>
    public string? Selector { get; set; }

    /// <summary>The RSA private key in PEM, e.g. from a secret store; or use <see cref="PrivateKeyPath"/>.</summary>
    public string? PrivateKeyPem { get; set; }

    public string? PrivateKeyPath { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(Selector)
        || !string.IsNullOrWhiteSpace(PrivateKeyPem) || !string.IsNullOrWhiteSpace(PrivateKeyPath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsEnabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Domain) || string.IsNullOrWhiteSpace(Selector))
        {
            yield return new ValidationResult("DKIM needs both Email:Dkim:Domain and Email:Dkim:Selector.");
        }

        if (string.IsNullOrWhiteSpace(PrivateKeyPem) == string.IsNullOrWhiteSpace(PrivateKeyPath))
        {
            yield return new ValidationResult("DKIM needs exactly one of Email:Dkim:PrivateKeyPem and Email:Dkim:PrivateKeyPath.");
        }
        else if (!string.IsNullOrWhiteSpace(PrivateKeyPath) && !File.Exists(PrivateKeyPath))
        {
            yield return new ValidationResult("Email:Dkim:PrivateKeyPath names a file that does not exist.");
        }
    }
}
