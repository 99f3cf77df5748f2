using CecPortal.Web.Features.Membership.Checks;

namespace CecPortal.Web.Features.Membership.ProfileChanges;

/// <summary>One profile change in the vetters' list.</summary>
public sealed record ProfileChangeRow(
    Guid Id,
    string MemberName,
    string? OldOrganisation,
    string? NewOrganisation,
    string? OldCountryCode,
    string? NewCountryCode,
    string? OldSectorCode,
    string? NewSectorCode,
    ProfileReviewStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? DecidedAt,
    string? DecidedByName,
    IReadOnlyList<FlagKind> Flags);
