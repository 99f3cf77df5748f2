using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>MailKit over a socket with Nagle's algorithm off: with it on, delayed ACKs cap a connection near 22 messages/s.</summary>
public sealed class SmtpEmailTransport(EmailOptions options) : EmailTransport
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

    public override async Task SendAsync(MimeMessage message, MailboxAddress? envelopeSender, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("Connect before sending.");
        if (envelopeSender is null)
        {
            await client.SendAsync(message, cancellationToken);
        }
        else
        {
            await client.SendAsync(message, envelopeSender, message.To.Mailboxes, cancellationToken);
        }
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
