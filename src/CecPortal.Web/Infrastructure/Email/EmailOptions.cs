namespace CecPortal.Web.Infrastructure.Email;

public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    /// <summary>SMTP host; when empty in Development, messages are kept as .eml files in <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>When not configured: <see cref="SmtpSecurity.StartTls"/> outside Development, <see cref="SmtpSecurity.Auto"/> in it.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "portal@cec.example";

    [Required]
    public string FromName { get; set; } = "CISOs European Community";

    /// <summary>
    /// The mailbox bounces go to, e.g. <c>bounces@cec.example</c>: each message's envelope sender becomes
    /// <c>bounces+token@cec.example</c> (VERP, see <see cref="ReturnPath"/>). Empty: the envelope sender is the From address.
    /// </summary>
    [EmailAddress]
    public string? BounceAddress { get; set; }

    /// <summary>Base64 key (at least 32 bytes) that signs the return-path tokens; required with <see cref="BounceAddress"/>.</summary>
    public string? BounceSigningKey { get; set; }

    /// <summary>Directory for captured .eml files (set by start-up when no SMTP host is configured).</summary>
    public string? PickupDirectory { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(BounceAddress))
        {
            yield break;
        }

        var key = BounceSigningKey is null ? null : TryBase64(BounceSigningKey);
        if (key is not { Length: >= 32 })
        {
            yield return new ValidationResult(
                "Email:BounceSigningKey must be a base64 key of at least 32 bytes when Email:BounceAddress is set.",
                [nameof(BounceSigningKey)]);
        }

        if (BounceAddress.Contains('+', StringComparison.Ordinal))
        {
            yield return new ValidationResult("Email:BounceAddress must not contain '+': the portal adds '+token' itself.", [nameof(BounceAddress)]);
        }
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}
