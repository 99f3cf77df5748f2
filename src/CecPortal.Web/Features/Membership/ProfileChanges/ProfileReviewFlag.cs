using CecPortal.Web.Features.Membership.Checks;

namespace CecPortal.Web.Features.Membership.ProfileChanges;

/// <summary>A pre-check result on a profile change, computed as for applications; never a refusal by itself.</summary>
public sealed class ProfileReviewFlag
{
    public FlagKind Kind { get; init; }

    public required string Explanation { get; init; }
}
