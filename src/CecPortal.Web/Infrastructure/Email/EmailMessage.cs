namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// One message to one recipient, always with an HTML and a plain-text body, and optionally a calendar invitation
/// (sent as an iMIP part beside the bodies and as an <c>invite.ics</c> attachment, see <see cref="EmailSender"/>).
/// <paramref name="ListUnsubscribeUrl"/>, for bulk mail, becomes the RFC 8058 one-click <c>List-Unsubscribe</c> headers.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody, EmailCalendar? Calendar = null, string? ListUnsubscribeUrl = null)
{
    public const int MaxListUnsubscribeUrlLength = 1000;

    /// <summary>Clear the recipient's address from the outbox once sent (the confirmation of an erasure).</summary>
    public bool ForgetRecipientAfterSending { get; init; }
}
