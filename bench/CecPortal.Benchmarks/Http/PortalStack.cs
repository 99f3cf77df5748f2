using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Features.Sharing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CecPortal.Benchmarks.Http;

/// <summary>
/// The portal as operators run it: its own process, Production environment, Release build, on a throwaway PostgreSQL
/// cluster with the demo data (seeded by the portal at start-up) and optionally a bulk load of applications, mail going
/// to a loopback SMTP sink. Shared by <c>http</c>, <c>resilience</c>, <c>signin</c> and <c>live</c>, which starts a second
/// instance on the same database.
/// </summary>
internal sealed class PortalStack : IAsyncDisposable
{
    public const string DemoPassword = "Bench-Passw0rd!2026";
    public const string MemberEmail = "member@" + DemoSeeder.Domain;

    /// <summary>The demo vetter whose scope is every demo member's country (16 of the 20 countries in the bulk seed).</summary>
    public const string VetterEmail = DemoSeeder.CountryVetterEmail;

    private readonly BenchCluster _cluster;
    private readonly LeanSmtpSink _sink;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly List<WebProcess> _moreInstances = [];

    private PortalStack(BenchCluster cluster, LeanSmtpSink sink, WebProcess portal, string connectionString, string logDirectory, IReadOnlyDictionary<string, string> environment, KeyRingCertificate keyRing)
    {
        _cluster = cluster;
        _sink = sink;
        _environment = environment;
        Portal = portal;
        ConnectionString = connectionString;
        LogDirectory = logDirectory;
        KeyRing = keyRing;
    }

    /// <summary>The certificate protecting the key ring every instance shares (in the database), for a portal hosted in the benchmark's process.</summary>
    public KeyRingCertificate KeyRing { get; }

    public BenchCluster Cluster => _cluster;

    public WebProcess Portal { get; }

    public string ConnectionString { get; }

    public string LogDirectory { get; }

    public long MessagesSent => _sink.AcceptedMessages;

    /// <param name="bulkApplications">Applications to load with COPY after the start.</param>
    /// <param name="settings">Portal settings for the run (environment variables).</param>
    /// <param name="maxPoolSize">
    /// The portal's connection pool per instance (Npgsql's default is 100, as is PostgreSQL's <c>max_connections</c>): a run
    /// with several instances gives each a share, as production must (docs/production.md).
    /// </param>
    /// <param name="connectionOptions">Npgsql options added to the portal's connection string (<c>Key=Value;…</c>), for measuring one.</param>
    public static async Task<PortalStack> StartAsync(int bulkApplications, IReadOnlyDictionary<string, string>? settings = null, int? maxPoolSize = null, string? connectionOptions = null)
    {
        var logDirectory = Directory.CreateTempSubdirectory("cecportal-bench-logs-").FullName;
        var cluster = await BenchCluster.StartAsync();
        var sink = new LeanSmtpSink(SmtpSinkMode.Discard);
        var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionStringFor("bench"));
        if (maxPoolSize is { } pool)
        {
            builder.MaxPoolSize = pool;
        }

        foreach (var option in (connectionOptions ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = option.Split('=', 2, StringSplitOptions.TrimEntries);
            builder[pair[0]] = pair.Length > 1 ? pair[1] : string.Empty;
        }

        var connectionString = builder.ConnectionString;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = connectionString,
            ["Demo__SeedOnStartup"] = "true",
            ["Demo__Password"] = DemoPassword,
            ["Email__Host"] = IPAddress.Loopback.ToString(),
            ["Email__Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__Security"] = "None",

            // Production requires the public address; a loopback one may be plain http, and host filtering then serves
            // 127.0.0.1 on any port, which is where the load generator knocks.
            ["Portal__BaseUrl"] = "http://127.0.0.1",
        };
        // Production encrypts the key ring with a certificate; a throwaway one, as for the tests.
        var keyRing = KeyRingCertificate.Create();
        foreach (var (name, value) in keyRing.EnvironmentVariables.Concat(settings ?? new Dictionary<string, string>()))
        {
            environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        var portal = await WebProcess.StartPortalAsync(environment, logDirectory);
        Console.WriteLine($"Portal (Production, own process {portal.ProcessId}) answering on {portal.BaseAddress} after {watch.Elapsed.TotalSeconds:F1} s (migrations and demo seed included); logs in {logDirectory}");
        if (bulkApplications > 0)
        {
            watch.Restart();
            await ApplicationSeed.CopyAsync(connectionString, bulkApplications);
            Console.WriteLine($"Bulk seed: {bulkApplications:N0} applications (+ a third flagged) with binary COPY in {watch.Elapsed.TotalSeconds:F1} s");
        }

        return new PortalStack(cluster, sink, portal, connectionString, logDirectory, environment, keyRing);
    }

    /// <summary>Another instance of the portal on the same database, with the same settings (as a second web node behind a load balancer).</summary>
    public async Task<WebProcess> StartInstanceAsync()
    {
        var watch = Stopwatch.StartNew();
        var instance = await WebProcess.StartPortalAsync(_environment, LogDirectory);
        _moreInstances.Add(instance);
        Console.WriteLine($"Second portal instance (own process {instance.ProcessId}) answering on {instance.BaseAddress} after {watch.Elapsed.TotalSeconds:F1} s");
        return instance;
    }

    public AppDbContext NewDbContext() => new(DesignTimeDbContextFactory.StandaloneOptions(ConnectionString));

    /// <summary>The newest briefing a member can read (the demo seed publishes several).</summary>
    public async Task<DateOnly> LatestReadableBriefingAsync()
    {
        await using var db = NewDbContext();
        return await db.Briefings
            .Where(b => b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent)
            .MaxAsync(b => b.EditionDate);
    }

    /// <summary>
    /// The demo member's sharing pages: the open channel they joined (its topics) and its busiest topic (the demo's
    /// vulnerability thread: replies from several sectors, mentions, "seen it too", an edited and a deleted message).
    /// </summary>
    public async Task<(string Channel, string Topic)> MemberSharingPagesAsync()
    {
        await using var db = NewDbContext();
        var channel = await db.Channels.Where(c => c.Slug == SharingDemoData.OpenChannelSlug).Select(c => c.Id).SingleAsync();
        var topic = await db.Topics.Where(t => t.ChannelId == channel)
            .OrderByDescending(t => db.Messages.Count(m => m.TopicId == t.Id)).Select(t => t.Id).FirstAsync();
        return ($"/sharing/c/{SharingDemoData.OpenChannelSlug}", $"/sharing/t/{topic}");
    }

    /// <summary>A signed-in member session: password sign-in through the login form, as a browser does it.</summary>
    public async Task<SessionCookies> SignInMemberAsync()
    {
        var session = new SessionCookies();
        using var client = CookieJar.NewClient(Portal.BaseAddress, session);
        using var response = await client.SignInAsync(MemberEmail, DemoPassword);
        Expect(response.StatusCode == HttpStatusCode.Redirect, $"member sign-in answered {(int)response.StatusCode}");
        return session;
    }

    /// <summary>
    /// A signed-in vetter session. Staff need two-step sign-in in Production (Security:RequireStaffMfa), so the vetter
    /// signs in with the password, sets up an authenticator app on the page the portal sends them to, and goes on.
    /// </summary>
    public async Task<SessionCookies> SignInVetterAsync()
    {
        var session = new SessionCookies();
        using var client = CookieJar.NewClient(Portal.BaseAddress, session);
        using (var response = await client.SignInAsync(VetterEmail, DemoPassword))
        {
            Expect(response.StatusCode == HttpStatusCode.Redirect, $"vetter sign-in answered {(int)response.StatusCode}");
        }

        var page = await client.GetDocumentAsync("/account/security/authenticator");
        var key = (page.QuerySelector("[data-testid=authenticator-key-raw]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("The authenticator set-up page shows no key.");
        using (var enrolled = await client.SubmitFormAsync("/account/security/authenticator", new Dictionary<string, string>
        {
            ["Input.Code"] = TotpCodes.At(key, DateTimeOffset.UtcNow),
            ["Input.Password"] = DemoPassword,
        }))
        {
            Expect(enrolled.StatusCode == HttpStatusCode.Redirect, $"authenticator set-up answered {(int)enrolled.StatusCode}");
        }

        using var queue = await client.GetAsync(new Uri("/admin/vetting", UriKind.Relative));
        Expect(queue.StatusCode == HttpStatusCode.OK, $"the vetting queue answered {(int)queue.StatusCode} after two-step set-up");
        return session;
    }

    /// <summary>One GET as a browser holding <paramref name="cookies"/>; throws unless it answers 200 with <paramref name="mustContain"/> in the page.</summary>
    public static async Task CheckPageAsync(Uri server, string path, SessionCookies? cookies, string mustContain)
    {
        using var client = CookieJar.NewClient(server, cookies ?? new SessionCookies());
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Expect(response.StatusCode == HttpStatusCode.OK && body.Contains(mustContain, StringComparison.Ordinal), $"GET {path} answered {(int)response.StatusCode} without \"{mustContain}\"");
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark set-up failed: {what}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _moreInstances)
        {
            await instance.DisposeAsync();
        }

        await Portal.DisposeAsync();
        await _sink.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
