using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using Npgsql;

namespace CecPortal.Benchmarks.Http;

/// <summary>
/// PostgreSQL restarted under load (<c>pg_ctl stop -m fast</c>, a pause, <c>pg_ctl start</c>) while members read a
/// briefing and applicants submit the membership form: what <c>/health/ready</c> answered, errors by kind before, during
/// and after the outage, and whether any write was lost or half-written (an application without its verification
/// email in the outbox, or the reverse).
/// </summary>
internal static class ResilienceBenchmark
{
    private const int Readers = 4;
    private const int Writers = 2;
    private const string EmailPrefix = "resilience-";

    public static async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var before = TimeSpan.FromSeconds(quick ? 4 : 5);
        var outage = TimeSpan.FromSeconds(quick ? 5 : 10);
        var after = TimeSpan.FromSeconds(quick ? 8 : 15);
        Console.WriteLine($"Resilience: {Readers} readers (member briefing page) and {Writers} writers (membership application form); PostgreSQL stopped after {before.TotalSeconds:F0} s and kept down {outage.TotalSeconds:F0} s, then {after.TotalSeconds:F0} s more; load average {HttpBenchmark.LoadAverage()}");

        await using var stack = await PortalStack.StartAsync(0, new Dictionary<string, string>
        {
            // Every write comes from one address; the hourly limit for public forms would otherwise stop them at 10.
            ["RateLimits__PublicFormsPerHour"] = "1000000",
        });
        var date = (await stack.LatestReadableBriefingAsync()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var member = await stack.SignInMemberAsync();
        NpgsqlConnection.ClearAllPools();

        var clock = Stopwatch.StartNew();
        var total = before + outage + after;
        var writes = new ConcurrentQueue<WriteAttempt>();
        var writers = Enumerable.Range(0, Writers).Select(_ => new Applicant(CookieJar.NewClient(stack.Portal.BaseAddress, new SessionCookies()))).ToArray();
        var counter = 0;
        using var stopSampling = new CancellationTokenSource();
        var health = SampleReadinessAsync(stack.Portal.BaseAddress, clock, stopSampling.Token);
        var reads = LoadGenerator.RunAsync(stack.Portal.BaseAddress, new LoadSettings(Readers, TimeSpan.Zero, total), (_, client, token) => LoadGenerator.GetAsync(client, $"/briefings/{date}", member, token), clock);
        var applications = LoadGenerator.RunAsync(stack.Portal.BaseAddress, new LoadSettings(Writers, TimeSpan.Zero, total), async (worker, _, token) =>
        {
            var email = $"{EmailPrefix}{Interlocked.Increment(ref counter)}@org{worker}.example";
            return await writers[worker].ApplyAsync(email, clock, writes, token);
        }, clock);

        await Task.Delay(before);
        var stopping = clock.Elapsed;
        await stack.Cluster.StopServerAsync();
        var stopped = clock.Elapsed;
        await Task.Delay(outage);
        await stack.Cluster.StartServerAsync();
        var back = clock.Elapsed;
        var readResult = await reads;
        var writeResult = await applications;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stopSampling.CancelAsync();
        var readiness = await health;
        foreach (var writer in writers)
        {
            writer.Client.Dispose();
        }

        Console.WriteLine();
        Console.WriteLine($"PostgreSQL: stop began at +{stopping.TotalSeconds:F1} s (down at +{stopped.TotalSeconds:F1} s), accepting again at +{back.TotalSeconds:F1} s; load until +{total.TotalSeconds:F1} s. The portal was not restarted.");
        string Phase(double t) => t < stopping.TotalSeconds ? "before" : t < back.TotalSeconds ? "outage" : "after";

        Console.WriteLine("/health/ready, sampled every 200 ms:");
        PrintByPhase(readiness.Select(s => (s.Seconds, s.Outcome)), Phase);
        var first503 = readiness.FirstOrDefault(s => s.Seconds >= stopping.TotalSeconds && s.Outcome == "HTTP 503");
        var firstReady = readiness.FirstOrDefault(s => s.Seconds >= back.TotalSeconds && s.Outcome == "HTTP 200");
        Console.WriteLine($"  first 503 {Since(first503.Seconds, stopping)} after the stop began; first 200 {Since(firstReady.Seconds, back)} after PostgreSQL was back; final answer: {readiness.LastOrDefault().Outcome ?? "none"}");

        Console.WriteLine($"Reads (GET /briefings/{date} as a member, {Readers} connections):");
        PrintByPhase(readResult.Samples.Select(s => (s.StartSeconds, s.Outcome)), Phase);
        var firstRead = readResult.Samples.FirstOrDefault(s => s.StartSeconds >= back.TotalSeconds && s.Outcome == LoadResult.Ok);
        Console.WriteLine($"  first successful read {Since(firstRead.Outcome is null ? double.NaN : firstRead.StartSeconds, back)} after PostgreSQL was back");

        Console.WriteLine($"Writes (POST /apply with a new email each time, the form fetched once per applicant, {Writers} connections):");
        PrintByPhase(writeResult.Samples.Select(s => (s.StartSeconds, s.Outcome)), Phase);

        NpgsqlConnection.ClearAllPools();
        var attempts = writes.ToList();
        await CheckWritesAsync(stack, attempts);
    }

    /// <summary>
    /// Every write the client saw succeed must be stored with its verification email; every failed one must be absent or
    /// complete. Then waits for the outbox to drain, which shows whether Hangfire delivers after the restart.
    /// </summary>
    private static async Task CheckWritesAsync(PortalStack stack, IReadOnlyList<WriteAttempt> attempts)
    {
        await using var connection = new NpgsqlConnection(stack.ConnectionString);
        await connection.OpenAsync();
        var stored = new Dictionary<string, (bool Application, bool Email)>(StringComparer.OrdinalIgnoreCase);
        await using (var command = new NpgsqlCommand(
            """
            SELECT coalesce(a."WorkEmail", e."To"), a."Id" IS NOT NULL, e."To" IS NOT NULL
            FROM (SELECT "Id", "WorkEmail" FROM membership_applications WHERE "WorkEmail" LIKE $1) a
            FULL JOIN (SELECT DISTINCT "To" FROM outbound_emails WHERE "To" LIKE $1) e ON e."To" = a."WorkEmail"
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EmailPrefix + "%" });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored[reader.GetString(0)] = (reader.GetBoolean(1), reader.GetBoolean(2));
            }
        }

        var confirmed = attempts.Where(a => a.Succeeded).ToList();
        var failed = attempts.Where(a => !a.Succeeded).ToList();
        var lost = confirmed.Count(a => !stored.TryGetValue(a.Email, out var s) || !s.Application || !s.Email);
        var failedAbsent = failed.Count(a => !stored.ContainsKey(a.Email));
        var failedComplete = failed.Count(a => stored.TryGetValue(a.Email, out var s) && s.Application && s.Email);
        var halfWritten = stored.Values.Count(s => s.Application != s.Email);
        Console.WriteLine($"Database check ({attempts.Count} submitted forms; a write is complete when the application and its verification email are both stored):");
        Console.WriteLine($"  confirmed to the client: {confirmed.Count}, of which stored complete: {confirmed.Count - lost}, LOST: {lost}");
        Console.WriteLine($"  failed on the client: {failed.Count}, of which absent: {failedAbsent}, stored complete anyway: {failedComplete}");
        Console.WriteLine($"  half-written (an application without its email or the reverse): {halfWritten}");

        var deadline = Stopwatch.StartNew();
        long pending;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await using var count = new NpgsqlCommand("""SELECT count(*) FILTER (WHERE "SentAt" IS NULL), count(*) FROM outbound_emails WHERE "To" LIKE $1""", connection);
            count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = EmailPrefix + "%" });
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            pending = reader.GetInt64(0);
            if (pending == 0 || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                Console.WriteLine($"Outbox: {reader.GetInt64(1)} verification emails queued, {reader.GetInt64(1) - pending} sent by Hangfire, {pending} still pending {deadline.Elapsed.TotalSeconds:F0} s after the load ended (SMTP sink received {stack.MessagesSent} messages in all).");
            }
        }
        while (pending > 0 && deadline.Elapsed <= TimeSpan.FromSeconds(30));
    }

    private static async Task<List<(double Seconds, string Outcome)>> SampleReadinessAsync(Uri baseAddress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var samples = new List<(double Seconds, string Outcome)>();
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var started = clock.Elapsed.TotalSeconds;
                try
                {
                    using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), CancellationToken.None);
                    samples.Add((started, $"HTTP {(int)response.StatusCode}"));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    samples.Add((started, LoadGenerator.Describe(ex)));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return samples;
    }

    private static void PrintByPhase(IEnumerable<(double Seconds, string Outcome)> samples, Func<double, string> phase)
    {
        foreach (var group in samples.GroupBy(s => phase(s.Seconds)))
        {
            var counts = group.GroupBy(s => s.Outcome).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} x {g.Key}");
            Console.WriteLine($"  {group.Key,-7} {string.Join(", ", counts)}");
        }
    }

    private static string Since(double seconds, TimeSpan from) =>
        double.IsNaN(seconds) || seconds == 0 ? "never" : $"{seconds - from.TotalSeconds:F1} s";

    /// <summary>
    /// An applicant with the form open in a browser: the form (cookie and antiforgery token) is fetched once and submitted
    /// again and again with a new email, so that submissions, not just page loads, meet the outage. A 302 to
    /// /apply/submitted is success.
    /// </summary>
    private sealed class Applicant(HttpClient client)
    {
        private Dictionary<string, string>? _form;

        public HttpClient Client => client;

        public async Task<string> ApplyAsync(string email, Stopwatch clock, ConcurrentQueue<WriteAttempt> writes, CancellationToken cancellationToken)
        {
            if (_form is null)
            {
                try
                {
                    var page = await client.GetDocumentAsync("/apply");
                    var form = page.QuerySelector("main form[method=post]") as IHtmlFormElement ?? throw new InvalidOperationException("no form on /apply");
                    _form = form.Elements.OfType<IHtmlInputElement>()
                        .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not "checkbox" and not "submit")
                        .GroupBy(i => i.Name!)
                        .ToDictionary(g => g.Key, g => g.First().Value);
                }
                catch (HttpRequestException ex) when (ex.InnerException is null && ex.Message.StartsWith("GET", StringComparison.Ordinal))
                {
                    return "GET /apply: HTTP " + ex.Message.Split("answered ")[^1].TrimEnd('.');
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    return "GET /apply: " + LoadGenerator.Describe(ex);
                }
            }

            var values = new Dictionary<string, string>(_form)
            {
                ["Input.FullName"] = "Resilience Applicant",
                ["Input.WorkEmail"] = email,
                ["Input.JobTitle"] = "CISO",
                ["Input.Organisation"] = "Bench Organisation",
                ["Input.OrganisationWebsite"] = "https://" + email.Split('@')[1],
                ["Input.CountryCode"] = "FR",
                ["Input.SectorCode"] = "energy",
                ["Input.OrganisationSize"] = "2",
                ["Input.Motivation"] = "I lead security and want to exchange with peers across Europe.",
                ["Input.Consent"] = "true",
            };

            var started = clock.Elapsed.TotalSeconds;
            string outcome;
            try
            {
                using var content = new FormUrlEncodedContent(values);
                using var response = await client.PostAsync(new Uri("/apply", UriKind.Relative), content, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/apply/submitted", StringComparison.OrdinalIgnoreCase) == true)
                {
                    outcome = LoadResult.Ok;
                }
                else
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    var saysTryAgain = body.Contains("try again", StringComparison.OrdinalIgnoreCase);
                    outcome = $"POST /apply: HTTP {(int)response.StatusCode}{(saysTryAgain ? " (page says \"try again\")" : string.Empty)}";
                    if (response.StatusCode == HttpStatusCode.BadRequest)
                    {
                        // A refused antiforgery token: fetch the form again.
                        _form = null;
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                outcome = "POST /apply: " + LoadGenerator.Describe(ex);
            }

            writes.Enqueue(new WriteAttempt(email, started, outcome == LoadResult.Ok));
            return outcome;
        }
    }

    private sealed record WriteAttempt(string Email, double StartedSeconds, bool Succeeded);
}
