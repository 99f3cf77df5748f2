namespace CecPortal.Web.Features.Membership.Vetting;

/// <summary>An approving review and what the reviewer's scope covered.</summary>
public sealed record ApprovalCoverage(string ReviewerId, bool CoversCountry, bool CoversSector);
