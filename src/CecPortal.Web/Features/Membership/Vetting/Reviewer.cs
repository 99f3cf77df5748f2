namespace CecPortal.Web.Features.Membership.Vetting;

/// <summary>A vetter (or Admin) about to review, with what their scope covers for this application.</summary>
public sealed record Reviewer(string UserId, string Name, bool CoversCountry, bool CoversSector);
