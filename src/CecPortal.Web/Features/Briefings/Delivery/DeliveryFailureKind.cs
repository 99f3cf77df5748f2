namespace CecPortal.Web.Features.Briefings.Delivery;

public enum DeliveryFailureKind
{
    /// <summary>Worth trying again later: SMTP 4xx, a dropped connection, a time-out.</summary>
    Transient,

    /// <summary>The server refused the message for good (SMTP 5xx on RCPT or DATA), or it cannot be addressed.</summary>
    Permanent,
}
