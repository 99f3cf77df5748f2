using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace CecPortal.Benchmarks.Live;

/// <summary>
/// One member's open <c>/sharing/live</c> stream, read the way EventSource reads it: lines, an event ends at a blank
/// line, its id is remembered, and when the server ends the stream the reader waits the server's <c>retry</c> and
/// reconnects with <c>Last-Event-ID</c>, so the portal replays what it missed. Each message event carries the marker of
/// a benchmark message in its HTML; the reader notes when the bytes arrived (the latency is taken from the moment its
/// poster sent the POST), once per message, and whether it was meant to see it at all.
/// </summary>
internal sealed class LiveReader(int member, string cookieHeader, Uri server, string query, bool[] expectsPoster, int perPoster)
{
    /// <summary>In every benchmark message's text: <c>bench-msg-</c> and the message's number in seven digits.</summary>
    public const string MarkerPrefix = "bench-msg-";

    public const int MarkerDigits = 7;

    private static readonly byte[] Marker = Encoding.ASCII.GetBytes(MarkerPrefix);
    private static readonly byte[] IdField = Encoding.ASCII.GetBytes("id: ");
    private static readonly byte[] DataField = Encoding.ASCII.GetBytes("data: ");
    private static readonly byte[] RetryField = Encoding.ASCII.GetBytes("retry: ");
    private static readonly byte[] ReloadEvent = Encoding.ASCII.GetBytes("event: reload");

    private readonly TaskCompletionSource<HttpStatusCode> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<float> _latencies = [];
    private BitArray _received = new(1);
    private long[] _sentAt = [];
    private long _measureFrom;

    public int Member { get; } = member;

    public Uri Server { get; } = server;

    /// <summary>Completes with the first answer's status (200 for a stream that opened), or a 599 when no answer came.</summary>
    public Task<HttpStatusCode> Opened => _opened.Task;

    /// <summary>Post-to-receive times, in ms, of the messages posted inside the measured window.</summary>
    public IReadOnlyList<float> Latencies => _latencies;

    public int Duplicates { get; private set; }

    /// <summary>Messages this member's stream should not have carried (a channel they may not read, or one they do not follow).</summary>
    public int Unexpected { get; private set; }

    public int Reconnects { get; private set; }

    public int Reloads { get; private set; }

    public bool Expects(int poster) => expectsPoster[poster];

    public bool Received(int message) => _received[message];

    /// <summary>Prepares for a phase: messages are numbered 0..capacity-1; only those sent from <paramref name="measureFrom"/> (a Stopwatch timestamp) count towards the latencies.</summary>
    public void Track(long[] sentAt, long measureFrom)
    {
        _sentAt = sentAt;
        _received = new BitArray(sentAt.Length);
        _measureFrom = measureFrom;
    }

    public async Task RunAsync(HttpClient client, CancellationToken stop)
    {
        long? lastId = null;
        var retry = TimeSpan.FromSeconds(3);
        var buffer = new byte[64 * 1024];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server, "/sharing/live" + query));
                request.Headers.Accept.ParseAdd("text/event-stream");
                request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
                if (lastId is { } id)
                {
                    request.Headers.TryAddWithoutValidation("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                _opened.TrySetResult(response.StatusCode);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return;
                }

                await using var body = await response.Content.ReadAsStreamAsync(stop);
                var filled = 0;
                long? pendingId = null;
                while (true)
                {
                    if (filled == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    var read = await body.ReadAsync(buffer.AsMemory(filled), stop);
                    if (read == 0)
                    {
                        break;
                    }

                    var arrived = Stopwatch.GetTimestamp();
                    filled += read;
                    var position = 0;
                    int newline;
                    while ((newline = buffer.AsSpan(position, filled - position).IndexOf((byte)'\n')) >= 0)
                    {
                        var line = buffer.AsSpan(position, newline);
                        position += newline + 1;
                        if (line.IsEmpty)
                        {
                            lastId = pendingId ?? lastId;
                            pendingId = null;
                        }
                        else if (line.StartsWith(DataField))
                        {
                            Deliver(line, arrived);
                        }
                        else if (line.StartsWith(IdField) && long.TryParse(line[IdField.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var eventId))
                        {
                            pendingId = eventId;
                        }
                        else if (line.StartsWith(RetryField) && int.TryParse(line[RetryField.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
                        {
                            retry = TimeSpan.FromMilliseconds(milliseconds);
                        }
                        else if (line.SequenceEqual(ReloadEvent))
                        {
                            Reloads++;
                        }
                    }

                    buffer.AsSpan(position, filled - position).CopyTo(buffer);
                    filled -= position;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                _opened.TrySetResult((HttpStatusCode)599);
            }

            if (stop.IsCancellationRequested)
            {
                return;
            }

            // As EventSource: the server ended the stream (or the connection broke); wait its retry, then resume after the last id.
            Reconnects++;
            try
            {
                await Task.Delay(retry, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Deliver(ReadOnlySpan<byte> data, long arrived)
    {
        var at = data.IndexOf(Marker);
        if (at < 0 || data.Length < at + Marker.Length + MarkerDigits
            || !int.TryParse(data.Slice(at + Marker.Length, MarkerDigits), NumberStyles.None, CultureInfo.InvariantCulture, out var message)
            || message >= _received.Length)
        {
            // A message of the demo data or of an earlier phase.
            return;
        }

        if (_received[message])
        {
            Duplicates++;
            return;
        }

        _received[message] = true;
        if (!expectsPoster[message / perPoster])
        {
            Unexpected++;
        }

        var sent = Volatile.Read(ref _sentAt[message]);
        if (sent >= _measureFrom)
        {
            _latencies.Add((float)Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
        }
    }
}
