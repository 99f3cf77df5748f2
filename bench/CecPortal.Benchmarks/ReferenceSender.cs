using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CecPortal.Benchmarks;

/// <summary>
/// The floor any fan-out is measured against: plain MailKit, <c>connections</c> long-lived SMTP connections, one
/// pre-rendered message per connection whose To changes for every send. No database, no ledger, no templating.
/// </summary>
internal static class ReferenceSender
{
    public static async Task RunAsync(int port, int total, int connections, Func<MimeMessage> createMessage)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            // A MimeEntity must not be shared by concurrent sends: one message per connection.
            var message = createMessage();
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, port);
            using var client = new SmtpClient();
            await client.ConnectAsync(socket, "127.0.0.1", port, SecureSocketOptions.None);
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                message.To.Clear();
                message.To.Add(new MailboxAddress($"Member {i}", $"member{i}@bench.cec.example"));
                await client.SendAsync(message);
            }

            await client.DisconnectAsync(quit: true);
        })));
    }
}
