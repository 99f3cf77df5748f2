namespace CecPortal.Web.Features.Membership.Checks;

public enum FlagKind
{
    CountryNotEligible = 1,
    FreeMailAddress = 2,
    EmailDomainMismatch = 3,
    PossibleDuplicate = 4,
    SponsorNotActiveMember = 5,
    JobTitleNotSecurityLeadership = 6,

    /// <summary>The address belongs to a person erased after removal for cause (a keyed hash on the blocklist).</summary>
    BlockedAddress = 7,
}
