namespace CecPortal.Web.Features.Membership;

/// <summary>Settings of the application process (section <c>Membership</c>).</summary>
public sealed class MembershipOptions
{
    public const string Section = "Membership";

    /// <summary>
    /// How long an applicant's status link keeps working once the application is decided (approved, declined or
    /// withdrawn), counted from the decision or from when the link was sent again, whichever is later. Before the
    /// decision it always works.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3653.00:00:00", ErrorMessage = "Membership:StatusLinkLifetimeAfterDecision must be between 1 and 3653 days.")]
    public TimeSpan StatusLinkLifetimeAfterDecision { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long a confirmation of the member's role lasts: the first is due this long after the membership began, each
    /// next one this long after the last. A <c>TimeSpan</c> in days (<c>365.00:00:00</c>), as the other periods here.
    /// </summary>
    [Range(typeof(TimeSpan), "30.00:00:00", "1830.00:00:00", ErrorMessage = "Membership:AttestationPeriod must be between 30 and 1830 days.")]
    public TimeSpan AttestationPeriod { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// How long the member has after the request before the one reminder, and again after the reminder before the
    /// membership lapses.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00", ErrorMessage = "Membership:AttestationGrace must be between 1 and 365 days.")]
    public TimeSpan AttestationGrace { get; set; } = TimeSpan.FromDays(30);
}
