namespace CecPortal.Web.Features.Membership.ProfileChanges;

/// <summary>What a saved profile did with its organisation, country and sector.</summary>
public enum ProfileChangeOutcome
{
    /// <summary>They did not change (or the account is not a member's, whose changes apply at once).</summary>
    None = 1,

    /// <summary>A change now waits for a vetter (replacing any earlier one).</summary>
    Requested = 2,

    /// <summary>The same change was already waiting; it still does.</summary>
    StillPending = 3,

    /// <summary>The previous values were typed again: the waiting change is cancelled.</summary>
    Cancelled = 4,
}
