namespace CecPortal.Web.Features.Deliverability;

/// <summary>How the portal learned of a bounce. Stored as its number.</summary>
public enum BounceSource
{
    /// <summary>A delivery status notification (RFC 3464) in the bounce mailbox.</summary>
    DeliveryReport = 0,

    /// <summary>A feedback report (ARF, RFC 5965) in the bounce mailbox.</summary>
    FeedbackReport = 1,

    /// <summary>Our SMTP server refused the recipient or the message with a 5xx reply while we sent it.</summary>
    SmtpRefusal = 2,
}
