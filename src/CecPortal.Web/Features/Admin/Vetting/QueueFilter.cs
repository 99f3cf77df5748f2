using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;

namespace CecPortal.Web.Features.Admin.Vetting;

public sealed record QueueFilter(string? Country, string? Sector, ApplicationStatus? Status, FlagKind? Flag);
