using System.Net.Sockets;
using CecPortal.Web.Infrastructure.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// One sender's way out: an SMTP connection kept open for many messages, or (Development without an SMTP host)
/// the pickup directory behind <c>/dev/mailbox</c>. Not thread-safe: one per concurrent sender.
/// </summary>
public abstract class DeliveryTransport : IAsyncDisposable
{
    public abstract bool IsConnected { get; }

    public static DeliveryTransport For(EmailOptions options) => string.IsNullOrWhiteSpace(options.Host)
        ? new PickupDeliveryTransport(options.PickupDirectory ?? throw new InvalidOperationException("Email:Host is not configured and no pickup directory is set."))
        : new SmtpDeliveryTransport(options);

    public abstract Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Returns once the server has accepted the message (its 250 reply to the end of DATA).</summary>
    public abstract Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

/// <summary>MailKit over a socket with Nagle's algorithm off: with it on, delayed ACKs cap a connection near 22 messages/s.</summary>
public sealed class SmtpDeliveryTransport(EmailOptions options) : DeliveryTransport
{
    private SmtpClient? _client;

    public override bool IsConnected => _client?.IsConnected == true;

    public override async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await CloseAsync();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var client = new SmtpClient { Timeout = 60_000 };
        try
        {
            await socket.ConnectAsync(options.Host!, options.Port, cancellationToken);
            await client.ConnectAsync(socket, options.Host!, options.Port, ToSocketOptions(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }

        _client = client;
    }

    public override async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("Connect before sending.");
        await client.SendAsync(message, cancellationToken);
    }

    public override ValueTask DisposeAsync() => new(CloseAsync());

    private async Task CloseAsync()
    {
        if (_client is not { } client)
        {
            return;
        }

        _client = null;
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or SmtpProtocolException or SmtpCommandException or MailKit.ServiceNotConnectedException)
        {
            // The connection is going away anyway; QUIT is a courtesy.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}

/// <summary>Development without an SMTP host: each message becomes an .eml file for <c>/dev/mailbox</c>.</summary>
public sealed class PickupDeliveryTransport(string directory) : DeliveryTransport
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
