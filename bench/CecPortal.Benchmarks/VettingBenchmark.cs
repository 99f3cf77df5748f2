using System.Diagnostics;
using System.Globalization;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Vetting;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.Vetting;

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
        await ApplicationSeed.CopyAsync(connectionString, rows);
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

        Console.WriteLine($"Queue query (one page of {VettingQueue.PageSize} with its total and the waiting profile changes), {Runs} runs each after 3 warm-up runs:");
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
}
