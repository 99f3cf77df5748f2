using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CecPortal.Testing;

/// <summary>A real SMTP server on a loopback port that keeps every message it receives, for assertions.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public SmtpSink()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    /// <summary>Waits until a message matching <paramref name="predicate"/> has arrived.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var match = _messages.FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching email arrived; {_messages.Count} message(s) received: {string.Join(", ", _messages.Select(m => m.Subject))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _arrived.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            sink._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            sink._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
