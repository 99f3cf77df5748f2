using System.Diagnostics;
using System.Globalization;
using System.Net;
using CecPortal.Benchmarks.Http;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.Benchmarks.Live;

/// <summary>
/// The sharing space's live updates under load (issue 16): N member connections to <c>/sharing/live</c> (1,000; 200
/// with <c>--quick</c>), 20 members replying 5 times a second each through the topic page's form into channels of
/// different sizes, first on one portal instance, then on two instances sharing the database (half the connections and
/// half the posters on each: the LISTEN/NOTIFY path between them). For each phase: post-to-receive latency over every
/// delivery, messages lost (a reader allowed to see a message that never got it, after a drain), deliveries no reader
/// should have had, the server's memory across the run, and the CPU of server, client and machine.
/// </summary>
internal static class LiveBenchmark
{
    private const double TargetP99Milliseconds = 250;

    /// <summary>The portal's posting limit for the run (the default is 10 a minute per member; 5 a second is 300).</summary>
    private const int PostsPerMinute = 600;

    /// <summary>
    /// Each instance's connection pool: two instances, their listening connections and this benchmark's own stay under
    /// PostgreSQL's default <c>max_connections</c> (100), as docs/production.md asks of a deployment.
    /// </summary>
    private const int MaxPoolSize = 40;

    /// <summary>Memory counts as flat when the trend over the window adds less than this share of the resident set.</summary>
    private const double FlatShare = 0.05;

    public static async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = new LiveOptions(
            Connections: Option(args, "--connections", quick ? 200 : 1_000),
            Seconds: Option(args, "--seconds", quick ? 15 : 60),
            WarmUpSeconds: Option(args, "--warmup", quick ? 10 : 20),
            Rate: Option(args, "--rate", 5),
            DrainSeconds: Option(args, "--drain", 10));
        var instances = OptionText(args, "--instances") ?? "both";
        if (instances is not ("1" or "2" or "both"))
        {
            throw new ArgumentException("--instances takes 1, 2 or both.");
        }

        var settings = new Dictionary<string, string>
        {
            ["Sharing__PostsPerMinute"] = PostsPerMinute.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var setting in OptionTexts(args, "--portal-setting"))
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            settings[setting[..equals]] = setting[(equals + 1)..];
        }

        Console.WriteLine($"Live benchmark: {options.Connections:N0} connections, 20 posters x {options.Rate} msg/s for {options.Seconds} s (+{options.WarmUpSeconds} s warm-up, as a load balancer's slow start gives a new instance, not in the figures), instances: {instances}; {Environment.ProcessorCount} cores, load average {HttpBenchmark.LoadAverage()}.");
        Console.WriteLine($"Portal settings for the run: {string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"))} (the posting limit's default is 10 a minute per member); Maximum Pool Size={MaxPoolSize} per instance.");
        await using var stack = await PortalStack.StartAsync(0, settings, MaxPoolSize);
        var community = await LiveCommunity.ArrangeAsync(stack, options.Connections);
        Describe(community, options);

        var results = new List<PhaseResult>();
        if (instances is "1" or "both")
        {
            results.Add(await RunPhaseAsync("1 instance", [stack.Portal], community, options, await CurrentChangeAsync(stack)));
        }

        if (instances is "2" or "both")
        {
            var second = await stack.StartInstanceAsync();
            results.Add(await RunPhaseAsync("2 instances", [stack.Portal, second], community, options, await CurrentChangeAsync(stack)));
        }

        Summarise(results);
        Console.WriteLine($"Load average at the end: {HttpBenchmark.LoadAverage()}; portal logs in {stack.LogDirectory}.");
    }

    /// <summary>The newest change number: what a topic page rendered now would pass as <c>?after=</c>.</summary>
    private static async Task<long> CurrentChangeAsync(PortalStack stack)
    {
        await using var db = stack.NewDbContext();
        return await db.Messages.MaxAsync(m => (long?)m.ChangeSeq) ?? 0;
    }

    private static void Describe(LiveCommunity community, LiveOptions options)
    {
        Console.WriteLine("Channels posted into (readers = members who may read it; following = connections whose page follows the poster's topic):");
        var perSecond = 0.0;
        foreach (var group in community.Posters.GroupBy(p => p.Channel))
        {
            var following = group.Select(p => Enumerable.Range(0, community.MemberIds.Length).Count(i => p.Channel.Readers.Contains(i) && community.Follows[i].Covers(p))).ToArray();
            perSecond += following.Sum() * options.Rate;
            Console.WriteLine($"  {group.Key.Label,-28} {group.Key.Readers.Count,6:N0} readers  {group.Count(),2} poster(s)  following each topic: {string.Join(", ", following)}");
        }

        var all = community.Follows.Count(f => f.ChannelId is null);
        var channels = community.Follows.Count(f => f.ChannelId is not null && f.TopicId is null);
        Console.WriteLine($"Connections follow: every channel (sharing home) {all:N0}, their sector's channel {channels:N0}, a topic of their sector {community.Follows.Length - all - channels:N0}. Offered: {20 * options.Rate} messages/s, {perSecond:N0} deliveries/s.");
    }

    /// <summary>
    /// One phase on <paramref name="servers"/>. <paramref name="after"/> is the change the pages were rendered at: a topic
    /// page's stream passes it as <c>?after=</c>, so that a reconnection replays from there even before its first event.
    /// Each phase has a fresh instance. The first seconds of posting (<c>--warmup</c>) count in nothing but "lost": a
    /// process that has just started runs unoptimised code until the runtime has compiled its hot paths again, which
    /// production covers with the load balancer's slow start (docs/production.md).
    /// </summary>
    private static async Task<PhaseResult> RunPhaseAsync(string name, WebProcess[] servers, LiveCommunity community, LiveOptions options, long after)
    {
        Console.WriteLine();
        Console.WriteLine($"== {name} ==");
        var perPoster = (options.WarmUpSeconds + options.Seconds) * options.Rate;
        var sentAt = new long[community.Posters.Count * perPoster];
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var readers = Enumerable.Range(0, community.MemberIds.Length).Select(i => new LiveReader(
            i,
            community.Cookies[i].Header,
            servers[i % servers.Length].BaseAddress,
            community.Follows[i].TopicId is null ? community.Follows[i].Query : $"{community.Follows[i].Query}&after={after}",
            [.. community.Posters.Select(p => p.Channel.Readers.Contains(i) && community.Follows[i].Covers(p))],
            perPoster)).ToArray();
        foreach (var reader in readers)
        {
            reader.Track(sentAt, long.MaxValue);
        }

        // Connections open 50 at a time, as members arriving; the measurement starts once every stream is open.
        using var stop = new CancellationTokenSource();
        var connecting = Stopwatch.StartNew();
        var reading = new List<Task>(readers.Length);
        foreach (var batch in readers.Chunk(50))
        {
            reading.AddRange(batch.Select(r => Task.Run(() => r.RunAsync(client, stop.Token))));
            await Task.WhenAll(batch.Select(r => r.Opened)).WaitAsync(TimeSpan.FromMinutes(2));
        }

        var refused = readers.Where(r => r.Opened.Result != HttpStatusCode.OK).GroupBy(r => (int)r.Opened.Result).ToDictionary(g => g.Key, g => g.Count());
        var open = readers.Where(r => r.Opened.Result == HttpStatusCode.OK).ToArray();
        Console.WriteLine($"Streams open: {open.Length:N0} of {readers.Length:N0} in {connecting.Elapsed.TotalSeconds:F1} s{(refused.Count == 0 ? string.Empty : $" (refused: {string.Join(", ", refused.Select(r => $"{r.Value} x {r.Key}"))})")}");

        var posters = community.Posters.Select((p, k) => new LivePoster(k, p.Member, community.Cookies[p.Member], servers[k % servers.Length].BaseAddress, p.TopicId)).ToArray();
        try
        {
            foreach (var poster in posters)
            {
                await poster.PrepareAsync();
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            var interval = TimeSpan.FromSeconds(1.0 / options.Rate);
            await using var monitor = new ResourceMonitor(servers.Select(s => s.ProcessId));
            var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
            var measureFrom = start + (options.WarmUpSeconds * Stopwatch.Frequency);
            foreach (var reader in readers)
            {
                reader.Track(sentAt, measureFrom);
            }

            // The posters spread evenly over each interval, as 20 independent people would be.
            await Task.WhenAll(posters.Select((p, k) => p.RunAsync(start + (long)(k * interval.TotalSeconds * Stopwatch.Frequency / posters.Length), interval, perPoster, k * perPoster, sentAt)));
            var postingSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var postingEndedAt = postingSeconds + 0.1;

            var drain = Stopwatch.StartNew();
            while (Missing(open, posters, perPoster) > 0 && drain.Elapsed < TimeSpan.FromSeconds(options.DrainSeconds))
            {
                await Task.Delay(250);
            }

            var resources = await monitor.StopAsync();
            await stop.CancelAsync();
            await Task.WhenAll(reading);
            return Measure(name, servers.Length, open, refused, posters, perPoster, options, postingSeconds, new MeasuredWindow(options.WarmUpSeconds + 0.1, postingEndedAt), drain.Elapsed, resources);
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var poster in posters)
            {
                poster.Dispose();
            }
        }
    }

    /// <summary>Deliveries still owed: for each open stream, each accepted message it may see and follows but has not received.</summary>
    private static long Missing(LiveReader[] open, LivePoster[] posters, int perPoster)
    {
        long missing = 0;
        foreach (var reader in open)
        {
            foreach (var poster in posters.Where(p => reader.Expects(p.Index)))
            {
                for (var sequence = 0; sequence < perPoster; sequence++)
                {
                    if (poster.Accepted(sequence) && !reader.Received((poster.Index * perPoster) + sequence))
                    {
                        missing++;
                    }
                }
            }
        }

        return missing;
    }

    private static PhaseResult Measure(string name, int instances, LiveReader[] open, Dictionary<int, int> refused, LivePoster[] posters, int perPoster, LiveOptions options, double postingSeconds, MeasuredWindow window, TimeSpan drained, ResourceFigures resources)
    {
        var sent = posters.Sum(p => p.Sent);
        var accepted = posters.Sum(p => Enumerable.Range(0, perPoster).Count(p.Accepted));
        var expected = open.Sum(r => posters.Where(p => r.Expects(p.Index)).Sum(p => (long)Enumerable.Range(0, perPoster).Count(p.Accepted)));
        var lost = Missing(open, posters, perPoster);
        float[] latencies = [.. open.SelectMany(r => r.Latencies).Order()];
        float[] postTimes = [.. posters.SelectMany(p => p.PostMilliseconds).Order()];
        var failures = posters.SelectMany(p => p.Failures).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        var result = new PhaseResult(
            name,
            open.Length,
            refused.Values.Sum(),
            sent,
            accepted,
            failures,
            expected,
            lost,
            open.Sum(r => (long)r.Unexpected),
            open.Sum(r => (long)r.Duplicates),
            open.Sum(r => r.Reconnects),
            open.Sum(r => r.Reloads),
            latencies,
            postTimes,
            resources,
            window);

        Console.WriteLine($"Posts: {sent:N0} sent in {postingSeconds:F1} s, {accepted:N0} saved (answered 302){(failures.Count == 0 ? string.Empty : "; failed: " + string.Join(", ", failures.Select(f => $"{f.Value} x {f.Key}")))}; POST p50 {Percentile(postTimes, 0.50):F1} ms, p99 {Percentile(postTimes, 0.99):F1} ms");
        Console.WriteLine($"Deliveries: {expected:N0} owed, {expected - lost:N0} received ({(expected - lost) / postingSeconds:N0}/s), drained in {drained.TotalSeconds:F1} s; lost {lost:N0}; to a reader who should not have it {result.Unexpected:N0}; duplicates {result.Duplicates:N0}; stream reconnections {result.Reconnects:N0}; reload events {result.Reloads:N0}");
        Console.WriteLine($"Post-to-receive over {latencies.Length:N0} deliveries of messages sent after the warm-up: p50 {Percentile(latencies, 0.50):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {(latencies.Length == 0 ? double.NaN : latencies[^1]):F1} ms");
        for (var s = 0; s < instances; s++)
        {
            var memory = MemoryTrend.Of(resources.Samples, s, window);
            Console.WriteLine($"Server {s + 1} resident memory (MB): start {memory.Start:F0}, middle {memory.Middle:F0}, end of posting {memory.End:F0}, after the drain {memory.AfterDrain:F0}, peak {memory.Peak:F0}; trend {memory.SlopePerMinute:+0.0;-0.0} MB/min ({memory.TrendShare:P1} of the resident set over the window: {(memory.Flat ? "flat" : "NOT flat")}); CPU {resources.ServerCores[s]:F2} cores");
        }

        // CPU time per message does not depend on how much of the machine the portal got: on a shared machine it is the steadier figure.
        var cpuPerMessage = resources.ServerCores.Sum() * resources.Seconds * 1000 / Math.Max(1, accepted);
        Console.WriteLine($"Server CPU per saved message (POST, dispatch and pushes, every instance): {cpuPerMessage:F1} ms, so {20 * options.Rate} messages/s need {cpuPerMessage * 20 * options.Rate / 1000:F2} cores of portal CPU.");
        Console.WriteLine($"Client (this process) CPU {resources.ClientCores:F2} cores; whole machine {resources.MachineBusy:P0} busy over the window (PostgreSQL and anything else running included).");
        return result;
    }

    private static void Summarise(List<PhaseResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"figure",-34} {string.Join(' ', results.Select(r => $"{r.Name,-26}"))} target");
        Row("connections open", r => $"{r.Open:N0}{(r.Refused > 0 ? $" ({r.Refused} refused)" : string.Empty)}", string.Empty);
        Row("messages saved / sent", r => $"{r.Accepted:N0} / {r.Sent:N0}", string.Empty);
        Row("deliveries owed", r => $"{r.Expected:N0}", string.Empty);
        Row("p50 / p95 ms", r => $"{Percentile(r.Latencies, 0.50):F1} / {Percentile(r.Latencies, 0.95):F1}", string.Empty);
        Row("p99 ms (x target)", r => $"{Percentile(r.Latencies, 0.99):F1} ({Percentile(r.Latencies, 0.99) / TargetP99Milliseconds:F2} x)", $"< {TargetP99Milliseconds:F0} ms");
        Row("lost", r => $"{r.Lost:N0}", "0");
        Row("to a reader not allowed/following", r => $"{r.Unexpected:N0}", "0");
        Row("server memory trend", r => string.Join(" ", Enumerable.Range(0, r.Resources.ServerCores.Length).Select(s => MemoryTrend.Of(r.Resources.Samples, s, r.Window)).Select(m => $"{m.TrendShare:+0.0%;-0.0%}{(m.Flat ? string.Empty : "!")}")), $"flat (< {FlatShare:P0})");
        Row("server / client CPU cores", r => $"{r.Resources.ServerCores.Sum():F2} / {r.Resources.ClientCores:F2}", string.Empty);
        foreach (var result in results)
        {
            var p99 = Percentile(result.Latencies, 0.99);
            var flat = Enumerable.Range(0, result.Resources.ServerCores.Length).All(s => MemoryTrend.Of(result.Resources.Samples, s, result.Window).Flat);
            var met = p99 < TargetP99Milliseconds && result.Lost == 0 && result.Unexpected == 0 && result.Accepted == result.Sent && result.Refused == 0;
            Console.WriteLine($"Target ({result.Name}): p99 < {TargetP99Milliseconds:F0} ms, 0 lost, every post saved, memory flat: {(met && flat ? "MET" : "NOT MET")} (p99 {p99:F1} ms = {p99 / TargetP99Milliseconds:F2} x target, lost {result.Lost:N0}, memory {(flat ? "flat" : "not flat")}).");
        }

        void Row(string figure, Func<PhaseResult, string> value, string target) =>
            Console.WriteLine($"{figure,-34} {string.Join(' ', results.Select(r => $"{value(r),-26}"))} {target}");
    }

    private static double Percentile(float[] sorted, double fraction) => sorted.Length == 0
        ? double.NaN
        : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;
    }

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static IEnumerable<string> OptionTexts(string[] args, string name)
    {
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == name && args[i + 1].Contains('=', StringComparison.Ordinal))
            {
                yield return args[i + 1];
            }
        }
    }

    private sealed record LiveOptions(int Connections, int Seconds, int WarmUpSeconds, int Rate, int DrainSeconds);

    /// <summary>The part of a phase the figures describe, in seconds from the start of posting: after the warm-up, until posting ended.</summary>
    private sealed record MeasuredWindow(double From, double To);

    private sealed record PhaseResult(
        string Name,
        int Open,
        int Refused,
        int Sent,
        int Accepted,
        Dictionary<string, int> Failures,
        long Expected,
        long Lost,
        long Unexpected,
        long Duplicates,
        int Reconnects,
        int Reloads,
        float[] Latencies,
        float[] PostMilliseconds,
        ResourceFigures Resources,
        MeasuredWindow Window);

    /// <summary>One server's resident memory over a phase: start, middle and end of the posting window, and its least-squares trend.</summary>
    private sealed record MemoryTrend(double Start, double Middle, double End, double AfterDrain, double Peak, double SlopePerMinute, double TrendShare)
    {
        /// <summary>
        /// Flat as docs/benchmarks.md defines it: the trend adds less than <see cref="FlatShare"/> over the window. A
        /// falling trend (the runtime giving back what it took while the streams opened) is no growth.
        /// </summary>
        public bool Flat => TrendShare < FlatShare;

        public static MemoryTrend Of(IReadOnlyList<ResourceSample> samples, int server, MeasuredWindow measured)
        {
            var window = samples.Where(s => s.Seconds >= measured.From && s.Seconds <= measured.To).ToArray();
            double Mb(ResourceSample s) => s.ServerRss[server] / (1024.0 * 1024.0);
            var xs = window.Select(s => s.Seconds).ToArray();
            var ys = window.Select(Mb).ToArray();
            var meanX = xs.Average();
            var meanY = ys.Average();
            var slope = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum() / Math.Max(1e-9, xs.Sum(x => (x - meanX) * (x - meanX)));
            var span = xs[^1] - xs[0];
            return new MemoryTrend(ys[0], ys[ys.Length / 2], ys[^1], Mb(samples[^1]), samples.Max(Mb), slope * 60, slope * span / meanY);
        }
    }
}
