namespace CecPortal.Web.Features.Briefings;

/// <summary>Where a briefing stands: written, ready for its date, readable by members, emailed.</summary>
public enum BriefingStatus
{
    Draft = 0,

    /// <summary>Ready for its edition date: the morning job publishes and sends it.</summary>
    Scheduled = 1,

    /// <summary>Readable by members in the browser (TLP:RED briefings stop here: they are never emailed).</summary>
    Published = 2,

    /// <summary>The morning email went out to every eligible member (each one sent or failed for good).</summary>
    Sent = 3,
}
