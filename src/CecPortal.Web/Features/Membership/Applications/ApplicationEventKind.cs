namespace CecPortal.Web.Features.Membership.Applications;

public enum ApplicationEventKind
{
    Submitted = 1,
    Verified = 2,
    ReviewedApprove = 3,
    ReviewedDecline = 4,
    InformationRequested = 5,
    InformationProvided = 6,
    Approved = 7,
    Declined = 8,
    Withdrawn = 9,
    Reopened = 10,
    SponsorInvited = 11,
    SponsorEndorsed = 12,
    SponsorDeclined = 13,
    MemberCreated = 14,
}
