using MimeKit;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>Development without an SMTP host: each message becomes an .eml file for <c>/dev/mailbox</c>.</summary>
public sealed class PickupEmailTransport(string directory) : EmailTransport
{
    private bool _ready;

    public override bool IsConnected => _ready;

    public override Task ConnectAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        _ready = true;
        return Task.CompletedTask;
    }

    /// <summary>The envelope sender has nowhere to go in a file: the message's token header still shows the return path's token.</summary>
    public override Task SendAsync(MimeMessage message, MailboxAddress? envelopeSender, CancellationToken cancellationToken) =>
        PickupDirectory.WriteAsync(directory, message, cancellationToken);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
