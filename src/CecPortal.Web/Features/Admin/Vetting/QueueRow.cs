using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;

namespace CecPortal.Web.Features.Admin.Vetting;

public sealed record QueueRow(
    Guid Id,
    string FullName,
    string JobTitle,
    string Organisation,
    string CountryName,
    string SectorName,
    ApplicationStatus Status,
    DateTimeOffset? VerifiedAt,
    SponsorResponse Sponsor,
    IReadOnlyList<FlagKind> Flags);
