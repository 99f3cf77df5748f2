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
}
