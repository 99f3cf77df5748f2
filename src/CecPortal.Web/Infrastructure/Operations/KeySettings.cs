namespace CecPortal.Web.Infrastructure.Operations;

/// <summary>
/// The base64 keys read straight from configuration by <c>EmailBlocklist</c> and <c>AuditPseudonyms</c>, checked at
/// start-up so that a mistyped key stops the portal instead of the first erasure or failed sign-in.
/// </summary>
public sealed class KeySettings : IValidatableObject
{
    public const int MinimumBytes = 32;

    public string? BlocklistKey { get; set; }

    public string? PseudonymKey { get; set; }

    public static void Read(KeySettings keys, IConfiguration configuration)
    {
        keys.BlocklistKey = configuration["Privacy:BlocklistKey"];
        keys.PseudonymKey = configuration["Audit:PseudonymKey"];
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (setting, value) in new[] { ("Privacy__BlocklistKey", BlocklistKey), ("Audit__PseudonymKey", PseudonymKey) })
        {
            if (!string.IsNullOrEmpty(value) && !IsKey(value))
            {
                yield return new ValidationResult($"{setting} must be at least {MinimumBytes} random bytes, base64-encoded (e.g. the output of: openssl rand -base64 32)");
            }
        }
    }

    private static bool IsKey(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var length) && length >= MinimumBytes;
    }
}
