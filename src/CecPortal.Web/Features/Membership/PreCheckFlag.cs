namespace CecPortal.Web.Features.Membership;

public sealed record PreCheckFlag(FlagKind Kind, string Explanation);
