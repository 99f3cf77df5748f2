using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>One server-sent event as the browser's EventSource would see it.</summary>
internal sealed record LiveEventRead(long? Id, string Type, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    public Guid Message => Json.GetProperty("message").GetGuid();

    public string Html => Json.GetProperty("html").GetString()!;
}

/// <summary>
/// A connection to <c>/sharing/live</c> read the way EventSource reads it: events split on blank lines, comments skipped.
/// The test awaits the next event, or proves that none comes, or that the server closed the stream.
/// </summary>
internal sealed class LiveEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Channel<LiveEventRead> _events = Channel.CreateUnbounded<LiveEventRead>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private LiveEvents(HttpResponseMessage response)
    {
        _response = response;
        _reading = ReadAsync();
    }

    public HttpStatusCode StatusCode => _response.StatusCode;

    public System.Net.Http.Headers.HttpResponseHeaders Headers => _response.Headers;

    /// <summary>
    /// The id EventSource would send as <c>Last-Event-ID</c> on reconnecting: the last id field of a completed event,
    /// including one with an id and no data (which fires no event).
    /// </summary>
    public long? LastEventId => Interlocked.Read(ref _lastEventId) is var id and >= 0 ? id : null;

    private long _lastEventId = -1;

    /// <summary>Opens the stream (query such as <c>?topic=…</c>), optionally resuming after <paramref name="lastEventId"/>.</summary>
    public static async Task<LiveEvents> OpenAsync(HttpClient client, string query = "", long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/sharing/live" + query);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        return new LiveEvents(response);
    }

    /// <summary>The next event, or a failure after <paramref name="seconds"/>.</summary>
    public async Task<LiveEventRead> NextAsync(int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _events.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No live event within {seconds} s.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The server closed the live stream.");
        }
    }

    /// <summary>The stream's last event id once it has one, or a failure after <paramref name="seconds"/>.</summary>
    public async Task<long> LastEventIdAsync(int seconds = 10)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(seconds); waited += TimeSpan.FromMilliseconds(50))
        {
            if (LastEventId is { } id)
            {
                return id;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No event id within {seconds} s.");
    }

    /// <summary>Whether the server ends the stream within <paramref name="seconds"/> (after any events still unread).</summary>
    public async Task<bool> ClosesWithinAsync(int seconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (await _events.Reader.WaitToReadAsync(timeout.Token))
            {
                _events.Reader.TryRead(out _);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            if (!_response.IsSuccessStatusCode)
            {
                return;
            }

            using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token), Encoding.UTF8);
            long? id = null;
            string type = "message";
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (id is { } seen)
                    {
                        Interlocked.Exchange(ref _lastEventId, seen);
                    }

                    if (data.Length > 0)
                    {
                        _events.Writer.TryWrite(new LiveEventRead(id, type, data.ToString()));
                    }

                    (id, type) = (null, "message");
                    data.Clear();
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line[6..]);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // The test disconnected.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }
}
