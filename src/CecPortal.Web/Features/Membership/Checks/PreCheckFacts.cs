namespace CecPortal.Web.Features.Membership.Checks;

/// <summary>What the database knows about an application's surroundings, gathered before the checks run.</summary>
public sealed record PreCheckFacts(
    bool CountryEligible,
    string CountryName,
    bool IsFreeMail,
    bool SponsorIsActiveMember,
    bool ExistingMemberWithEmail,
    string? ExistingMemberWithDomain,
    bool OpenApplicationWithEmail,
    bool OpenApplicationWithDomain,
    bool EmailBlocklisted = false);
