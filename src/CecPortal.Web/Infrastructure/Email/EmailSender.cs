using System.Diagnostics;
using CecPortal.Web.Infrastructure.Observability;
using MimeKit;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into MIME and sends it through an <see cref="EmailTransport"/> (SMTP, or .eml files when no SMTP host is configured).</summary>
public sealed class EmailSender(IOptions<EmailOptions> options, ILogger<EmailSender> logger, ReturnPath? returnPath = null)
{
    private readonly EmailOptions _options = options.Value;

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) => SendAsync(message, null, cancellationToken);

    /// <summary>Sends an outbox email with its own return path (VERP), so a bounce names it.</summary>
    public Task SendAsync(EmailMessage message, Guid outboundEmailId, CancellationToken cancellationToken) =>
        SendAsync(message, returnPath?.ForOutboundEmail(outboundEmailId), cancellationToken);

    private async Task SendAsync(EmailMessage message, string? returnToken, CancellationToken cancellationToken)
    {
        using var activity = PortalTelemetry.EmailSource.StartActivity("email send", ActivityKind.Client);
        activity?.SetTag("email.kind", PortalTelemetry.EmailKind.Transactional);
        try
        {
            var mime = ToMime(message);
            await DeliverAsync(mime, returnPath?.Stamp(mime, returnToken), cancellationToken);
        }
        catch (Exception ex)
        {
            PortalTelemetry.RecordEmailFailed(PortalTelemetry.EmailKind.Transactional);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }

        PortalTelemetry.RecordEmailSent(PortalTelemetry.EmailKind.Transactional);
    }

    private async Task DeliverAsync(MimeMessage mime, MailboxAddress? envelopeSender, CancellationToken cancellationToken)
    {
        // One connection per message: the outbox sends one message per job.
        await using var transport = EmailTransport.For(_options);
        await transport.ConnectAsync(cancellationToken);
        await transport.SendAsync(mime, envelopeSender, cancellationToken);
        if (transport is PickupEmailTransport)
        {
            logger.LogInformation("Kept message {MessageId} in the development mailbox.", mime.MessageId);
        }
        else
        {
            logger.LogInformation("Sent message {MessageId} over SMTP.", mime.MessageId);
        }
    }

    internal MimeMessage ToMime(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = message.Calendar is { } calendar
            ? WithInvitation(message, calendar)
            : new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        if (message.ListUnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail clients show an unsubscribe button that POSTs to the address, no sign-in needed.
            mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return mime;
    }

    /// <summary>
    /// The shape Google Calendar and Outlook send invitations in, which Outlook, Gmail and Apple Mail all recognise:
    /// <c>multipart/mixed</c> holding a <c>multipart/alternative</c> of text, HTML and the iMIP part
    /// (<c>text/calendar; method=...; charset=utf-8</c>, what calendar-aware clients act on), then the same calendar as an
    /// <c>invite.ics</c> attachment for clients that only look at attachments.
    /// </summary>
    private static Multipart WithInvitation(EmailMessage message, EmailCalendar calendar)
    {
        var method = calendar.Method.Trim().ToUpperInvariant();
        if (!calendar.Content.Contains($"METHOD:{method}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The calendar's content type says method={method} but its METHOD property differs.");
        }

        var alternative = new MultipartAlternative
        {
            new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.TextBody },
            new TextPart(MimeKit.Text.TextFormat.Html) { Text = message.HtmlBody },
            CalendarPart(calendar.Content, method),
        };

        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(calendar.Content))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = EmailCalendar.FileName,
        };

        return new Multipart("mixed") { alternative, attachment };
    }

    private static TextPart CalendarPart(string content, string method)
    {
        var part = new TextPart("calendar") { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(System.Text.Encoding.UTF8, content);
        part.ContentType.Parameters.Add("method", method);
        return part;
    }
}
