namespace CecPortal.Web.Features.Membership.ProfileChanges;

/// <summary>Where a member's change of organisation, country or sector stands.</summary>
public enum ProfileReviewStatus
{
    /// <summary>Waiting for one vetter; the profile keeps the previous values.</summary>
    Pending = 1,

    /// <summary>A vetter confirmed it: the new values were applied to the profile.</summary>
    Confirmed = 2,

    /// <summary>A vetter refused it, with a reason the member was told; the previous values stay.</summary>
    Refused = 3,

    /// <summary>The member asked for another change before this one was decided.</summary>
    Replaced = 4,

    /// <summary>The member cancelled the change (or set the previous values again) before it was decided.</summary>
    Cancelled = 5,
}
