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

    public override Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
        PickupDirectory.WriteAsync(directory, message, cancellationToken);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
