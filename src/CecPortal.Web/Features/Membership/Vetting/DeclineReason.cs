namespace CecPortal.Web.Features.Membership.Vetting;

/// <summary>What the applicant is told when declined; the vetters' own note stays internal.</summary>
public enum DeclineReason
{
    NotEligibleCountry = 1,
    NotSecurityLeadershipRole = 2,
    IdentityNotVerifiable = 3,
    OrganisationOutOfScope = 4,
    DuplicateApplication = 5,
    Other = 99,
}
