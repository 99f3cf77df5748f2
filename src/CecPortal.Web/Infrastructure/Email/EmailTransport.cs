using MimeKit;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// The one way mail leaves the portal: an SMTP connection that stays open for as many messages as its owner sends
/// (the outbox sends one, a briefing sender thousands), or (Development without an SMTP host) the pickup directory
/// behind <c>/dev/mailbox</c>. Not thread-safe: one per concurrent sender.
/// </summary>
public abstract class EmailTransport : IAsyncDisposable
{
    public abstract bool IsConnected { get; }

    public static EmailTransport For(EmailOptions options) => string.IsNullOrWhiteSpace(options.Host)
        ? new PickupEmailTransport(options.PickupDirectory ?? throw new InvalidOperationException("Email:Host is not configured and no pickup directory is set."))
        : new SmtpEmailTransport(options);

    public abstract Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Returns once the server has accepted the message (its 250 reply to the end of DATA).</summary>
    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => SendAsync(message, null, cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync(MimeMessage, CancellationToken)"/>, with <paramref name="envelopeSender"/> as the SMTP
    /// <c>MAIL FROM</c> (the VERP return path, see <see cref="ReturnPath"/>); null keeps the From address.
    /// </summary>
    public abstract Task SendAsync(MimeMessage message, MailboxAddress? envelopeSender, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
