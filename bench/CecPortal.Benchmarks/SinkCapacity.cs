using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace CecPortal.Benchmarks;

/// <summary>
/// Drives the sink alone with a raw-socket client that pipelines whole transactions (MAIL, RCPT, DATA, content, end)
/// with up to <see cref="Window"/> messages in flight per connection: the ceiling any sender can reach against it.
/// </summary>
internal static class SinkCapacity
{
    private const int Window = 16;

    public static async Task<(long Messages, double Seconds)> MeasureAsync(int port, byte[] dotStuffedContent, int connections, TimeSpan duration)
    {
        var transaction = "MAIL FROM:<portal@cec.example>\r\nRCPT TO:<member0@bench.cec.example>\r\nDATA\r\n"u8.ToArray()
            .Concat(dotStuffedContent)
            .Concat(".\r\n"u8.ToArray())
            .ToArray();
        var watch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => DriveAsync(port, transaction, watch, duration)));
        return (counts.Sum(), watch.Elapsed.TotalSeconds);
    }

    /// <summary>Writes MIME content as SMTP DATA expects it: a leading dot on a line is doubled; ends with CRLF.</summary>
    public static byte[] DotStuff(byte[] content)
    {
        var output = new List<byte>(content.Length + 256);
        var atLineStart = true;
        foreach (var b in content)
        {
            if (atLineStart && b == (byte)'.')
            {
                output.Add((byte)'.');
            }

            output.Add(b);
            atLineStart = b == (byte)'\n';
        }

        if (!atLineStart)
        {
            output.AddRange("\r\n"u8.ToArray());
        }

        return [.. output];
    }

    private static async Task<long> DriveAsync(int port, byte[] transaction, Stopwatch watch, TimeSpan duration)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var reader = PipeReader.Create(stream);
        await ReadUntilAsync(reader, "220 "u8.ToArray(), null);
        await stream.WriteAsync("EHLO capacity.bench\r\n"u8.ToArray());
        await ReadUntilAsync(reader, "250 "u8.ToArray(), null);

        using var window = new SemaphoreSlim(Window);
        long accepted = 0;
        var replies = ReadUntilAsync(reader, "221 "u8.ToArray(), () =>
        {
            Interlocked.Increment(ref accepted);
            window.Release();
        });
        while (watch.Elapsed < duration)
        {
            await window.WaitAsync();
            await stream.WriteAsync(transaction);
        }

        await stream.WriteAsync("QUIT\r\n"u8.ToArray());
        await replies;
        await reader.CompleteAsync();
        return Interlocked.Read(ref accepted);
    }

    /// <summary>Reads reply lines until one starts with <paramref name="last"/>; calls <paramref name="onQueued"/> for each "250 2.0.0 OK queued".</summary>
    private static async Task ReadUntilAsync(PipeReader reader, byte[] last, Action? onQueued)
    {
        var queued = "250 2.0.0 OK queued"u8.ToArray();
        while (true)
        {
            var result = await reader.ReadAsync();
            var buffer = result.Buffer;
            var done = false;
            while (!done && buffer.PositionOf((byte)'\n') is { } newline)
            {
                var line = buffer.Slice(0, newline).ToArray();
                buffer = buffer.Slice(buffer.GetPosition(1, newline));
                if (line.AsSpan().StartsWith(queued))
                {
                    onQueued?.Invoke();
                }

                done = line.AsSpan().StartsWith(last);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (done)
            {
                return;
            }

            if (result.IsCompleted)
            {
                throw new IOException("The sink closed the connection early.");
            }
        }
    }
}
