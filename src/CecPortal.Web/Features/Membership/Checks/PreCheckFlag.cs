namespace CecPortal.Web.Features.Membership.Checks;

public sealed record PreCheckFlag(FlagKind Kind, string Explanation);
