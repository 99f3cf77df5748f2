using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// <c>Email:Bounces:*</c>: the IMAP mailbox that receives what is sent to <c>Email:BounceAddress</c> (bounces, feedback
/// loop reports), and the rule that turns soft bounces into an undeliverable address.
/// </summary>
public sealed class BounceMailboxOptions : IValidatableObject
{
    public const string Section = "Email:Bounces";

    /// <summary>IMAP host; empty turns the <c>bounce-mailbox</c> job into a no-op (SMTP refusals still count).</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 993;

    /// <summary>IMAPS (TLS from the first byte) by default; STARTTLS on port 143 works too. None is refused unless chosen.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.SslOnConnect;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where processed reports go (created when missing); they are never deleted by the portal.</summary>
    [Required]
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>Where messages that are not reports the portal understands go, for a person to read.</summary>
    [Required]
    public string UnparsedFolder { get; set; } = "Unparsed";

    /// <summary>
    /// SHA-256 fingerprint (hex) of the server's certificate, for a server with a self-signed one: it is trusted when it
    /// matches. Empty: the certificate must chain to a trusted authority.
    /// </summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Soft bounces (4.x.x) within <see cref="SoftBounceWindow"/> that make an address undeliverable.</summary>
    [Range(1, 100)]
    public int SoftBounceThreshold { get; set; } = 3;

    public TimeSpan SoftBounceWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most messages one run reads; the next run takes the rest.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SoftBounceWindow <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Email:Bounces:SoftBounceWindow must be a positive time span such as 7.00:00:00.", [nameof(SoftBounceWindow)]);
        }

        if (IsConfigured && string.IsNullOrWhiteSpace(UserName))
        {
            yield return new ValidationResult("Email:Bounces:UserName is required when Email:Bounces:Host is set.", [nameof(UserName)]);
        }
    }
}
