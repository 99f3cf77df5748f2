using CecPortal.Web.Features.Membership;

namespace CecPortal.Web.Features.Admin.Vetting;

public sealed record QueueFilter(string? Country, string? Sector, ApplicationStatus? Status, FlagKind? Flag);
