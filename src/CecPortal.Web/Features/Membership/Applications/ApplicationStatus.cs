namespace CecPortal.Web.Features.Membership.Applications;

public enum ApplicationStatus
{
    /// <summary>Submitted, email address not yet verified; deleted after 7 days.</summary>
    Unverified = 0,

    /// <summary>Verified and waiting in the vetting queue.</summary>
    Submitted = 1,
    InReview = 2,
    InformationRequested = 3,
    Approved = 4,
    Declined = 5,
    Withdrawn = 6,
}
