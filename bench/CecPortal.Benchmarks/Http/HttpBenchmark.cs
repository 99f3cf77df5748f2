using System.Globalization;

namespace CecPortal.Benchmarks.Http;

/// <summary>
/// Requests per second and p50/p99 latency of the portal's main pages under load (the portal in its own process,
/// Production, Release, demo data plus 100,000 applications), each beside the floor: a minimal ASP.NET Core page that
/// reads one row with Npgsql from the same database, measured in the same run with the same load generator.
/// </summary>
internal static class HttpBenchmark
{
    /// <summary>The issues' target (19, 20): every member page at half the minimal page's throughput or better, with or without its read caches.</summary>
    private const double TargetRatio = 0.5;

    /// <summary>
    /// What <c>--no-cache</c> passes to the portal: every read cache off (0 turns each off), so that a page costs what it
    /// costs when its cache misses. The once-a-minute writes (activity, read mark) and the security stamp's interval stay.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> NoCacheSettings = new Dictionary<string, string>
    {
        ["Briefings__ReadCacheDuration"] = "00:00:00",
        ["Privacy__CurrentVersionCacheDuration"] = "00:00:00",
        ["Privacy__AcceptanceCacheDuration"] = "00:00:00",
    };

    public static async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var settings = new LoadSettings(
            Option(args, "--connections", 16),
            TimeSpan.FromSeconds(Option(args, "--warmup", quick ? 2 : 3)),
            TimeSpan.FromSeconds(Option(args, "--seconds", quick ? 5 : 10)));
        var applications = Option(args, "--applications", 100_000);
        Console.WriteLine($"HTTP load: {settings.Connections} connections, {settings.WarmUp.TotalSeconds:F0} s warm-up + {settings.Duration.TotalSeconds:F0} s per endpoint; {Environment.ProcessorCount} cores shared by the server, PostgreSQL and this load generator; load average {LoadAverage()}");

        // --portal-setting Key=Value (repeatable) passes configuration to the portal, e.g. to log its SQL while profiling.
        var portalSettings = args.Select((a, i) => (a, i)).Where(p => p.a == "--portal-setting" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : string.Empty);
        if (args.Contains("--no-cache"))
        {
            foreach (var (key, value) in NoCacheSettings)
            {
                portalSettings.TryAdd(key, value);
            }
        }

        foreach (var (key, value) in portalSettings)
        {
            Console.WriteLine($"Portal setting: {key}={value}");
        }

        // --connection "Key=Value;…" adds Npgsql options to the portal's connection string (e.g. Max Auto Prepare).
        var connectionOptions = OptionText(args, "--connection");
        if (connectionOptions is not null)
        {
            Console.WriteLine($"Portal connection string options: {connectionOptions}");
        }

        await using var stack = await PortalStack.StartAsync(applications, portalSettings, connectionOptions: connectionOptions);
        var date = (await stack.LatestReadableBriefingAsync()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var member = await stack.SignInMemberAsync();
        var vetter = await stack.SignInVetterAsync();
        var (channel, topic) = await stack.MemberSharingPagesAsync();

        await using var floor = await WebProcess.StartMinimalPageAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Floor"] = stack.ConnectionString, ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            stack.LogDirectory);

        var briefingName = $"member: /briefings/{date}";

        // Each page is checked once for something only the real page shows (not a sign-in redirect or an error page); a
        // member page has the issue's target.
        (string Name, Uri Server, string Path, SessionCookies? Cookies, string Shows, bool Target)[] targets =
        [
            ("floor: minimal page, 1 row (before)", floor.BaseAddress, $"/briefing/{date}", null, "<h1>", false),
            ("/ (anonymous)", stack.Portal.BaseAddress, "/", null, "<main", false),
            ("/ (member: Today)", stack.Portal.BaseAddress, "/", member, "data-testid=\"welcome-back\"", true),
            (briefingName, stack.Portal.BaseAddress, $"/briefings/{date}", member, "data-testid=\"briefing-title\"", true),
            ("member: /briefings/search?q=ransomware", stack.Portal.BaseAddress, "/briefings/search?q=ransomware", member, "data-testid=\"result\"", true),
            ("member: /webinars", stack.Portal.BaseAddress, "/webinars", member, "data-testid=\"session\"", true),
            ("member: /members", stack.Portal.BaseAddress, "/members", member, "data-testid=\"directory\"", true),
            ("member: /sharing/c/ (channel)", stack.Portal.BaseAddress, channel, member, "data-testid=\"topic\"", true),
            ("member: /sharing/t/ (topic)", stack.Portal.BaseAddress, topic, member, "data-testid=\"message\"", true),
            ($"vetter: /admin/vetting ({applications:N0} apps)", stack.Portal.BaseAddress, "/admin/vetting", vetter, "data-testid=\"queue\"", false),
            ("floor: minimal page, 1 row (after)", floor.BaseAddress, $"/briefing/{date}", null, "<h1>", false),
        ];

        var results = new List<(string Name, LoadResult Result, double Transactions, long Sessions, bool Target)>();
        // --only TEXT measures just the endpoints whose name contains TEXT, beside the floor (for profiling one page).
        var only = OptionText(args, "--only");
        foreach (var (name, server, path, cookies, shows, target) in targets.Where(t => only is null || t.Name.StartsWith("floor", StringComparison.Ordinal) || t.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            await PortalStack.CheckPageAsync(server, path, cookies, shows);

            // A freshly started process compiles its first requests; on a busy machine they can outlast the warm-up.
            using (var primer = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(1) })
            {
                for (var i = 0; i < 10; i++)
                {
                    await LoadGenerator.GetAsync(primer, path, cookies, CancellationToken.None);
                }
            }

            // Every request, warm-up included, against the database's own counters for the same window.
            var requests = 0L;
            var before = await DatabaseActivity.ReadAsync(stack.ConnectionString);
            var result = await LoadGenerator.RunAsync(server, settings, (_, client, token) =>
            {
                Interlocked.Increment(ref requests);
                return LoadGenerator.GetAsync(client, path, cookies, token);
            });
            var activity = await DatabaseActivity.ReadAsync(stack.ConnectionString) - before;

            // The probe's own two transactions (its read and the pool's reset) are not the page's; its pooled connection is opened once, before the first endpoint.
            results.Add((name, result, (activity.Transactions - 2) / (double)Math.Max(1, requests), activity.Sessions, target));
            Console.WriteLine($"  measured {name}: {result.OkPerSecond:F0} req/s");
        }

        // The floor is measured first and last; on a shared machine the mean of both is the fairer yardstick.
        var floorPerSecond = (results[0].Result.OkPerSecond + results[^1].Result.OkPerSecond) / 2;
        Console.WriteLine();
        Console.WriteLine($"{"endpoint",-48} {"req/s",8} {"p50 ms",8} {"p99 ms",8} {"errors",7} {"x floor",8} {"db tx/req",10} {"db conns",9}  target");
        var missed = new List<string>();
        foreach (var (name, result, transactions, sessions, target) in results)
        {
            var errors = result.Errors.Values.Sum();
            var ratio = result.OkPerSecond / floorPerSecond;
            var verdict = !target ? string.Empty : ratio >= TargetRatio ? $"target {TargetRatio:F1}: met" : $"target {TargetRatio:F1}: NOT MET";
            if (target && ratio < TargetRatio)
            {
                missed.Add(name);
            }

            Console.WriteLine($"{name,-48} {result.OkPerSecond,8:F0} {result.Percentile(0.50),8:F1} {result.Percentile(0.99),8:F1} {errors,7} {ratio,8:F2} {transactions,10:F2} {sessions,9}  {verdict}");
            foreach (var (kind, count) in result.Errors)
            {
                Console.WriteLine($"    {count} x {kind}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Floor (mean of before and after): {floorPerSecond:F0} req/s. db tx/req: database transactions per request (each autocommit statement is one, so about the round trips; background jobs add a little); db conns: new database connections opened during the endpoint's run.");
        var measuredTargets = results.Count(r => r.Target);
        if (measuredTargets > 0)
        {
            Console.WriteLine(missed.Count == 0
                ? $"Target: every member page measured >= {TargetRatio:F1} x floor{(args.Contains("--no-cache") ? " with the read caches off" : string.Empty)}: MET ({measuredTargets} pages)."
                : $"Target: every member page >= {TargetRatio:F1} x floor: NOT MET ({string.Join(", ", missed)}).");
        }

        Console.WriteLine($"Load average at the end: {LoadAverage()} (other work on the machine skews every figure; compare ratios, not absolutes).");
    }

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
