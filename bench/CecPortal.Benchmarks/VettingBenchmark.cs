using System.Diagnostics;
using System.Globalization;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Vetting;
using CecPortal.Web.Features.Membership;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CecPortal.Benchmarks;

/// <summary>The vetting queue at scale: 100,000 applications in a throwaway cluster, then the queue query as vetters use it.</summary>
internal static class VettingBenchmark
{
    private const int Runs = 30;

    public static async Task RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 100_000;
        await using var cluster = await BenchCluster.StartAsync();
        var connectionString = await cluster.MigratedDatabaseAsync();
        var options = DesignTimeDbContextFactory.StandaloneOptions(connectionString);

        var insert = Stopwatch.StartNew();
        await SeedApplicationsAsync(connectionString, rows);
        Console.WriteLine($"Inserted {rows:N0} applications (+ flags) with COPY in {insert.Elapsed.TotalSeconds:F1} s");

        var vetter = new VettingScope(false, new HashSet<string> { "FR", "BE" }, new HashSet<string> { "health" });
        var admin = new VettingScope(true, new HashSet<string>(), new HashSet<string>());
        (string Name, VettingScope Scope, QueueFilter Filter, int Page)[] scenarios =
        [
            ("admin, open, page 1", admin, new QueueFilter(null, null, null, null), 1),
            ("admin, open, page 200", admin, new QueueFilter(null, null, null, null), 200),
            ("vetter FR+BE|health, page 1", vetter, new QueueFilter(null, null, null, null), 1),
            ("vetter, country=FR, page 1", vetter, new QueueFilter("FR", null, null, null), 1),
            ("vetter, flag=free mail, page 1", vetter, new QueueFilter(null, null, null, FlagKind.FreeMailAddress), 1),
            ("admin, status=declined, sector=energy", admin, new QueueFilter(null, "energy", ApplicationStatus.Declined, null), 1),
        ];

        Console.WriteLine($"Queue query (count + one page of {VettingQueue.PageSize}), {Runs} runs each after 3 warm-up runs:");
        Console.WriteLine($"{"scenario",-40} {"total",8} {"median ms",10} {"p95 ms",8}");
        foreach (var (name, scope, filter, page) in scenarios)
        {
            var timings = new List<double>();
            var total = 0;
            for (var run = 0; run < Runs + 3; run++)
            {
                await using var db = new AppDbContext(options);
                var queue = new VettingQueue(db);
                var watch = Stopwatch.StartNew();
                var result = await queue.QueryAsync(scope, filter, page, CancellationToken.None);
                watch.Stop();
                total = result.Total;
                if (run >= 3)
                {
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            Console.WriteLine($"{name,-40} {total,8:N0} {timings[timings.Count / 2],10:F1} {timings[(int)(timings.Count * 0.95)],8:F1}");
        }
    }

    private static async Task SeedApplicationsAsync(string connectionString, int count)
    {
        string[] countries = ["FR", "DE", "IT", "ES", "NL", "BE", "AT", "PL", "SE", "FI", "IE", "PT", "CZ", "GR", "RO", "DK", "US", "NO", "CH", "GB"];
        string[] sectors = ["energy", "transport", "banking", "health", "drinking-water", "digital-infrastructure", "public-administration", "space", "manufacturing", "research", "food", "chemicals"];
        var statuses = new[] { ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.InformationRequested, ApplicationStatus.Approved, ApplicationStatus.Declined, ApplicationStatus.Withdrawn, ApplicationStatus.Unverified };
        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddYears(-3);
        var ids = new List<Guid>(count);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY membership_applications ("Id","FullName","WorkEmail","NormalizedEmail","EmailDomain","JobTitle","Organisation","OrganisationWebsite","WebsiteDomain","CountryCode","SectorCode","OrganisationSize","Motivation","SponsorResponse","ConsentedNoticeVersion","ConsentedAt","Status","CreatedAt","VerifiedAt","Round","VerificationTokenHash") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                ids.Add(id);
                var created = start.AddMinutes(i * 15);
                var status = statuses[random.Next(statuses.Length)];
                var domain = $"org{i % 20_000}.example";
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync($"Applicant {i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"ciso{i}@{domain}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"CISO{i}@{domain}".ToUpperInvariant(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(domain, NpgsqlDbType.Varchar);
                await writer.WriteAsync("CISO", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"Organisation {i % 20_000}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"https://{domain}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(domain, NpgsqlDbType.Varchar);
                await writer.WriteAsync(countries[random.Next(countries.Length)], NpgsqlDbType.Char);
                await writer.WriteAsync(sectors[random.Next(sectors.Length)], NpgsqlDbType.Varchar);
                await writer.WriteAsync(3, NpgsqlDbType.Integer);
                await writer.WriteAsync("I lead security and want to exchange with peers.", NpgsqlDbType.Varchar);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync("1", NpgsqlDbType.Varchar);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync((int)status, NpgsqlDbType.Integer);
                await writer.WriteAsync(created, NpgsqlDbType.TimestampTz);
                if (status == ApplicationStatus.Unverified)
                {
                    await writer.WriteNullAsync();
                }
                else
                {
                    await writer.WriteAsync(created.AddHours(2), NpgsqlDbType.TimestampTz);
                }

                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(new string('0', 64), NpgsqlDbType.Varchar);
            }

            await writer.CompleteAsync();
        }

        await using (var flags = await connection.BeginBinaryImportAsync("""COPY application_flags ("ApplicationId","Kind","Explanation") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var id in ids.Where((_, i) => i % 3 == 0))
            {
                await flags.StartRowAsync();
                await flags.WriteAsync(id, NpgsqlDbType.Uuid);
                await flags.WriteAsync((int)(random.Next(2) == 0 ? FlagKind.FreeMailAddress : FlagKind.JobTitleNotSecurityLeadership), NpgsqlDbType.Integer);
                await flags.WriteAsync("Generated for the benchmark.", NpgsqlDbType.Varchar);
            }

            await flags.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
