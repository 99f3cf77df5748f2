namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>What the morning job did for one edition date.</summary>
public enum MorningOutcome
{
    /// <summary>No briefing was ready: editors were alerted (once per day).</summary>
    Missing,

    /// <summary>Published (TLP:RED): readable on the portal, never emailed.</summary>
    PublishedOnly,

    /// <summary>The fan-out is under way: chunk jobs were enqueued for the ready rows.</summary>
    Sending,

    /// <summary>The briefing was already sent.</summary>
    AlreadySent,
}
