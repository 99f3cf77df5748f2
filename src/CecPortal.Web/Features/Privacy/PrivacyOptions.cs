namespace CecPortal.Web.Features.Privacy;

/// <summary>
/// How long an instance trusts what it remembers of the privacy consent, which the consent gate asks on every signed-in
/// page. Zero turns that memory off (the benchmark's <c>--no-cache</c>): each page then asks the database, in one query.
/// </summary>
public sealed class PrivacyOptions : IValidatableObject
{
    public const string Section = "Privacy";

    /// <summary>
    /// How long an instance trusts its copy of the current version number. Publishing takes effect at once on the
    /// instance that published; the others ask people to accept the new version within this time.
    /// </summary>
    public TimeSpan CurrentVersionCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long (sliding) an instance remembers the newest version a person accepted since their last page.</summary>
    public TimeSpan AcceptanceCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CurrentVersionCacheDuration < TimeSpan.Zero || CurrentVersionCacheDuration > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("Privacy:CurrentVersionCacheDuration must be between 0 and 5 minutes (0 turns the cache off).", [nameof(CurrentVersionCacheDuration)]);
        }

        if (AcceptanceCacheDuration < TimeSpan.Zero || AcceptanceCacheDuration > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Privacy:AcceptanceCacheDuration must be between 0 and 1 hour (0 turns the cache off).", [nameof(AcceptanceCacheDuration)]);
        }
    }
}
