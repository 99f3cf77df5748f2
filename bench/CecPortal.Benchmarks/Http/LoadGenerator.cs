using System.Diagnostics;

namespace CecPortal.Benchmarks.Http;

/// <summary>How hard and how long: N requests in flight at all times over N connections, a warm-up, then the measured window.</summary>
internal sealed record LoadSettings(int Connections, TimeSpan WarmUp, TimeSpan Duration);

/// <summary>One finished request: when it started (seconds from the start of the measured window), how long it took, and what came back.</summary>
internal readonly record struct RequestSample(double StartSeconds, double Milliseconds, string Outcome);

/// <summary>What one load run measured; only requests started inside the measured window count.</summary>
internal sealed class LoadResult(TimeSpan duration, IReadOnlyList<RequestSample> samples)
{
    public const string Ok = "ok";

    private readonly double[] _okMilliseconds = [.. samples.Where(s => s.Outcome == Ok).Select(s => s.Milliseconds).Order()];

    public IReadOnlyList<RequestSample> Samples { get; } = samples;

    public int OkCount => _okMilliseconds.Length;

    public double OkPerSecond => _okMilliseconds.Length / duration.TotalSeconds;

    /// <summary>Every outcome other than <see cref="Ok"/>, with its count.</summary>
    public IReadOnlyDictionary<string, int> Errors { get; } = samples.Where(s => s.Outcome != Ok)
        .GroupBy(s => s.Outcome, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>The latency below which <paramref name="fraction"/> of the successful requests finished (nearest rank on the sorted samples).</summary>
    public double Percentile(double fraction) => _okMilliseconds.Length == 0
        ? double.NaN
        : _okMilliseconds[Math.Clamp((int)Math.Ceiling(fraction * _okMilliseconds.Length) - 1, 0, _okMilliseconds.Length - 1)];
}

/// <summary>
/// A closed-loop HTTP load generator (what wrk does): each of N workers sends its next request as soon as the previous
/// one has been read in full, over one shared SocketsHttpHandler limited to N connections.
/// </summary>
internal static class LoadGenerator
{
    /// <summary>Runs <paramref name="request"/> in a loop on every worker; it returns <see cref="LoadResult.Ok"/> or a short name for what went wrong.</summary>
    /// <param name="baseAddress">The server.</param>
    /// <param name="settings">Connections, warm-up and measured duration.</param>
    /// <param name="request">One request: the worker's number, the shared client, and a token cancelled at the end.</param>
    /// <param name="clock">Started by the caller when it needs the samples' times on its own timeline (for example the resilience run); the measured window starts after the warm-up on this clock.</param>
    public static async Task<LoadResult> RunAsync(Uri baseAddress, LoadSettings settings, Func<int, HttpClient, CancellationToken, Task<string>> request, Stopwatch? clock = null)
    {
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = settings.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        clock ??= Stopwatch.StartNew();
        var measureFrom = clock.Elapsed + settings.WarmUp;
        var end = measureFrom + settings.Duration;
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, settings.Connections).Select(worker => Task.Run(async () =>
        {
            var samples = new List<RequestSample>();
            while (clock.Elapsed < end)
            {
                var started = clock.Elapsed;
                string outcome;
                try
                {
                    outcome = await request(worker, client, stop.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    outcome = Describe(ex);
                }

                if (started >= measureFrom && started < end)
                {
                    samples.Add(new RequestSample((started - measureFrom).TotalSeconds, (clock.Elapsed - started).TotalMilliseconds, outcome));
                }
            }

            return samples;
        })).ToList();
        var all = await Task.WhenAll(workers);
        return new LoadResult(settings.Duration, [.. all.SelectMany(s => s).OrderBy(s => s.StartSeconds)]);
    }

    /// <summary>A GET that reads the whole body, as a browser holding <paramref name="cookies"/>; anything but 200 is an error named by its status code.</summary>
    public static async Task<string> GetAsync(HttpClient client, string path, SessionCookies? cookies, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        cookies?.AddTo(message);
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        cookies?.Remember(response);
        return response.StatusCode == System.Net.HttpStatusCode.OK ? LoadResult.Ok : $"HTTP {(int)response.StatusCode}";
    }

    /// <summary>An exception as an error kind: its type and, for socket errors, the socket error.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { InnerException: System.Net.Sockets.SocketException socket } => $"socket: {socket.SocketErrorCode}",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => $"http: {http.HttpRequestError}",
        TaskCanceledException => "timeout (30 s)",
        _ => exception.GetType().Name,
    };
}
