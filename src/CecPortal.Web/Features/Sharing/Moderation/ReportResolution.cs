namespace CecPortal.Web.Features.Sharing.Moderation;

/// <summary>How a moderator closed a report.</summary>
public enum ReportResolution
{
    /// <summary>The message was hidden.</summary>
    MessageHidden = 1,

    /// <summary>The moderator found nothing to act on.</summary>
    Dismissed = 2,
}
