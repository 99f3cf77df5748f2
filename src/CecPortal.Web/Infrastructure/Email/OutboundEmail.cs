namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// A message waiting for, or done with, delivery. The bodies are cleared once sent: they may carry one-time
/// links, and the record only needs to prove that the message went out. Until then they, the calendar content and
/// the unsubscribe address are stored encrypted (<see cref="OutboxProtection"/>); the recipient and subject stay
/// readable for staff, retention and erasure.
/// </summary>
public sealed class OutboundEmail
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string To { get; private set; } = string.Empty;

    /// <summary>Placeholder that replaces <see cref="To"/> once a message marked <see cref="ForgetRecipient"/> is sent.</summary>
    public const string ForgottenRecipient = "erased@erased.invalid";

    /// <summary>
    /// Set for the confirmation of an account erasure: once sent, the address itself is cleared too, so the
    /// outbox keeps no trace of the erased person.
    /// </summary>
    public bool ForgetRecipient { get; private set; }

    public required string Subject { get; init; }

    public string? HtmlBody { get; private set; }

    public string? TextBody { get; private set; }

    /// <summary>The iTIP method of <see cref="CalendarContent"/>, e.g. <c>REQUEST</c>; null for a message without an invitation.</summary>
    public string? CalendarMethod { get; private set; }

    /// <summary>The iCalendar text sent with the message; cleared once sent, like the bodies.</summary>
    public string? CalendarContent { get; private set; }

    /// <summary>The one-click unsubscribe address of a bulk message; cleared once sent, like the bodies (it holds a token).</summary>
    public string? ListUnsubscribeUrl { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public static OutboundEmail From(EmailMessage message, DateTimeOffset now, OutboxProtection protection) => new()
    {
        To = message.To,
        Subject = message.Subject,
        HtmlBody = protection.Protect(message.HtmlBody),
        TextBody = protection.Protect(message.TextBody),
        CalendarMethod = message.Calendar?.Method,
        CalendarContent = protection.Protect(message.Calendar?.Content),
        ForgetRecipient = message.ForgetRecipientAfterSending,
        ListUnsubscribeUrl = protection.Protect(message.ListUnsubscribeUrl),
        CreatedAt = now,
    };

    public EmailMessage ToMessage(OutboxProtection protection) => SentAt is null
        ? new EmailMessage(
            To,
            Subject,
            protection.Unprotect(HtmlBody) ?? string.Empty,
            protection.Unprotect(TextBody) ?? string.Empty,
            CalendarMethod is not null && CalendarContent is not null ? new EmailCalendar(CalendarMethod, protection.Unprotect(CalendarContent)) : null,
            protection.Unprotect(ListUnsubscribeUrl))
        : throw new InvalidOperationException("This message was already sent and its body cleared.");

    public void RecordAttempt() => Attempts++;

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        HtmlBody = null;
        TextBody = null;
        CalendarContent = null;
        ListUnsubscribeUrl = null;
        LastError = null;
        if (ForgetRecipient)
        {
            To = ForgottenRecipient;
        }
    }

    public void MarkFailed(string error) => LastError = error.Length > 500 ? error[..500] : error;
}
