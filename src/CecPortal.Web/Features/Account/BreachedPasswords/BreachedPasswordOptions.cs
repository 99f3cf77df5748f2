namespace CecPortal.Web.Features.Account.BreachedPasswords;

/// <summary>
/// The optional check of new passwords against a k-anonymity range API in the style of Have I Been Pwned (section
/// <c>Security:BreachedPasswords</c>). Off while <see cref="RangeApiUrl"/> is empty.
/// </summary>
public sealed class BreachedPasswordOptions : IValidatableObject
{
    public const string Section = "Security:BreachedPasswords";

    /// <summary>The API's base address; the portal asks <c>{RangeApiUrl}/range/{first five hex digits of the SHA-1}</c>.</summary>
    public string? RangeApiUrl { get; set; }

    /// <summary>How long a check may take before the password is accepted without it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(RangeApiUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsEnabled && (!Uri.TryCreate(RangeApiUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("Security:BreachedPasswords:RangeApiUrl must be an absolute http(s) address, or empty to turn the check off.", [nameof(RangeApiUrl)]);
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult("Security:BreachedPasswords:Timeout must be between 00:00:00.001 and 00:00:30, e.g. 00:00:02.", [nameof(Timeout)]);
        }
    }
}
