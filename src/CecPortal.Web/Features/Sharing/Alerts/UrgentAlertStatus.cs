namespace CecPortal.Web.Features.Sharing.Alerts;

public enum UrgentAlertStatus
{
    /// <summary>A member asked for it; a moderator has not decided yet. Not pinned, not emailed.</summary>
    Proposed = 0,

    /// <summary>Raised by staff or confirmed: pinned until it ends or expires, emailed once.</summary>
    Active = 1,

    /// <summary>A moderator turned the proposal down.</summary>
    Declined = 2,

    /// <summary>Staff ended it before it expired.</summary>
    Ended = 3,
}
