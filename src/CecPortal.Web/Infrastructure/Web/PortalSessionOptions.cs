namespace CecPortal.Web.Infrastructure.Web;

/// <summary>How long a signed-in session lasts (section <c>Security</c>), per OWASP ASVS 5.0 chapter 7.</summary>
public sealed class PortalSessionOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>A session unused this long ends; each request made in its second half extends it (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdleTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Security:IdleTimeout must be positive, e.g. 00:30:00.", [nameof(IdleTimeout)]);
        }

        if (AbsoluteTimeout < IdleTimeout)
        {
            yield return new ValidationResult("Security:AbsoluteTimeout must be at least Security:IdleTimeout, e.g. 12:00:00.", [nameof(AbsoluteTimeout)]);
        }
    }
}
