using System.Diagnostics;
using System.Globalization;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;

namespace CecPortal.Benchmarks;

/// <summary>
/// The briefing email fan-out at scale: N confirmed members and one published 23 KB briefing in a throwaway cluster,
/// a <see cref="LeanSmtpSink"/> in Discard mode on loopback, then (a) a plain MailKit reference sender and (b) the
/// portal's own fan-out through the delivery ledger, each with its throughput and its peak memory.
/// </summary>
internal static class FanOutBenchmark
{
    private const string FromAddress = "portal@cec.example";
    private static readonly TimeSpan CapacityRun = TimeSpan.FromSeconds(5);

    /// <summary>Messages each sender sends before anything is measured: the reference's and the portal's warm-up.</summary>
    private const int WarmUpMessages = 500;

    public static async Task RunAsync(string[] args)
    {
        var (sizes, connections) = ParseArguments(args);
        var edition = DateOnly.FromDateTime(DateTime.UtcNow);
        var markdown = SampleBriefing.Markdown(edition);
        var html = new MarkdownRenderer().Render(markdown);
        var title = SampleBriefing.Title(edition);
        MimeMessage CreateMessage() => BriefingEmail(title, html, markdown);
        var wire = SinkCapacity.DotStuff(Serialize(CreateMessage()));
        Console.WriteLine($"Briefing: Markdown {markdown.Length / 1024.0:F1} KB, HTML {html.Length / 1024.0:F1} KB, one email on the wire {wire.Length / 1024.0:F1} KB; {connections} SMTP connection(s); sink: LeanSmtpSink (Discard) in this process on loopback; {Environment.ProcessorCount} cores, load average {LoadAverage()}.");

        await using var sink = new LeanSmtpSink(SmtpSinkMode.Discard);
        var (capacityMessages, capacitySeconds) = await SinkCapacity.MeasureAsync(sink.Port, wire, connections, CapacityRun);
        Console.WriteLine($"Sink capacity (raw pipelined client, {connections} connection(s), {capacitySeconds:F1} s): {capacityMessages / capacitySeconds:N0} msgs/s, {capacityMessages * wire.Length / capacitySeconds / (1024 * 1024):N0} MB/s");

        // Warm the JIT and MailKit's paths so that the first measured phase is not also the slowest.
        await ReferenceSender.RunAsync(sink.Port, WarmUpMessages, connections, CreateMessage);

        await using var cluster = await BenchCluster.StartAsync();

        // The portal's fan-out gets the same warm-up as the reference: a 500-member fan-out in a database of its own, so
        // that the measured pass runs JIT-optimised code and is not also paying for tiered compilation (a profile of a
        // cold 20,000-member pass had the JIT's background thread at 13 % of the CPU and the send loop in tier-0 code).
        var warmUp = await cluster.MigratedDatabaseAsync("fanout_warmup");
        await MemberSeed.CopyAsync(warmUp, WarmUpMessages);
        var warmUpBriefing = await InsertPublishedBriefingAsync(warmUp, edition, title, markdown, html);
        await using (var host = InProcessPortal.Start(warmUp, sink.Port, connections))
        {
            await RunPortalFanOutAsync(host, warmUpBriefing);
        }

        var rows = new List<Row>();
        foreach (var members in sizes)
        {
            var connectionString = await cluster.MigratedDatabaseAsync($"fanout_{members}");
            var seeding = Stopwatch.StartNew();
            await MemberSeed.CopyAsync(connectionString, members);
            var briefingId = await InsertPublishedBriefingAsync(connectionString, edition, title, markdown, html);
            Console.WriteLine($"N = {members:N0}: seeded {members:N0} members with COPY and one published briefing in {seeding.Elapsed.TotalSeconds:F1} s");

            var reference = await MeasureAsync(sink, members, async () =>
            {
                await ReferenceSender.RunAsync(sink.Port, members, connections, CreateMessage);
                return true;
            });
            rows.Add(new Row(members, "reference (plain MailKit)", reference));

            // The portal starts before the clock runs: the figure is the fan-out, not the host's start-up.
            await using var host = InProcessPortal.Start(connectionString, sink.Port, connections);
            var portal = await MeasureAsync(sink, members, () => RunPortalFanOutAsync(host, briefingId));
            rows.Add(new Row(members, "portal (ledger fan-out)", portal));
            if (portal is not null)
            {
                Console.WriteLine($"N = {members:N0}: portal ledger {await LedgerSummaryAsync(connectionString, briefingId)}");
            }
        }

        PrintTable(rows);
    }

    /// <summary>
    /// The portal's own fan-out of <paramref name="briefingId"/> to every eligible member, through the delivery ledger:
    /// fills the ledger in one statement (<see cref="DeliveryLedger.FillAsync"/>) and runs <see cref="BriefingFanOut.SendPendingAsync"/> to completion, the code
    /// a chunk job runs. Filling the ledger is inside the measured time.
    /// </summary>
    private static async Task<bool> RunPortalFanOutAsync(PortalFactory portal, Guid briefingId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var briefing = await db.Briefings.SingleAsync(b => b.Id == briefingId);
        briefing.StartSending(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<DeliveryLedger>().FillAsync(briefingId, CancellationToken.None);
        var fanOut = scope.ServiceProvider.GetRequiredService<BriefingFanOut>();
        var result = await fanOut.SendPendingAsync(briefingId, CancellationToken.None);
        Console.WriteLine($"  portal pass: {result.Sent:N0} sent, {result.Failed:N0} failed, {result.Deferred:N0} deferred over {result.Connections} connection(s)");
        return true;
    }

    private static async Task<Phase?> MeasureAsync(LeanSmtpSink sink, int members, Func<Task<bool>> send)
    {
        var before = sink.AcceptedMessages;
        await using var memory = MemorySampler.Start();
        var watch = Stopwatch.StartNew();
        var ran = await send();
        watch.Stop();
        var figures = await memory.StopAsync();
        if (!ran)
        {
            return null;
        }

        var delivered = sink.AcceptedMessages - before;
        if (delivered != members)
        {
            Console.WriteLine($"  WARNING: the sink accepted {delivered:N0} messages, expected {members:N0}.");
        }

        return new Phase(delivered, watch.Elapsed.TotalSeconds, figures);
    }

    private static void PrintTable(List<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"{"N",9}  {"sender",-27} {"msgs/s",8} {"seconds",8} {"peak WS MB",11} {"peak GC MB",11} {"vs reference",13}");
        foreach (var row in rows)
        {
            if (row.Phase is not { } phase)
            {
                Console.WriteLine($"{row.Members,9:N0}  {row.Sender,-27} not available (fan-out engine not in this build)");
                continue;
            }

            var reference = rows.First(r => r.Members == row.Members).Phase!;
            var ratio = phase.Rate / reference.Rate;
            Console.WriteLine($"{row.Members,9:N0}  {row.Sender,-27} {phase.Rate,8:N0} {phase.Seconds,8:F1} {Mb(phase.Memory.PeakWorkingSet),11:N0} {Mb(phase.Memory.PeakGcHeap),11:N0} {ratio,12:P0}");
        }

        var kernel = rows.Any(r => r.Phase?.Memory.KernelPeak == true);
        Console.WriteLine(kernel
            ? "Peak WS: the kernel's peak resident set, reset at the start of each phase, and the 100 ms sampler's maximum. Peak GC: the sampler's largest managed heap. Both include the in-process sink."
            : "Peak WS and GC: the largest values seen by the 100 ms sampler (the kernel peak could not be reset). Both include the in-process sink.");
    }

    /// <summary>Other work on the machine skews every figure: the 1-minute load average says how much there was.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    private static (IReadOnlyList<int> Sizes, int Connections) ParseArguments(string[] args)
    {
        var sizes = new List<int>();
        var connections = 4;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--connections" && i + 1 < args.Length)
            {
                connections = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                sizes.Add(int.Parse(args[i], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
            }
        }

        return (sizes.Count > 0 ? sizes : [10_000, 100_000], connections);
    }

    private static MimeMessage BriefingEmail(string title, string html, string markdown)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("CISOs European Community", FromAddress));
        message.Subject = $"[TLP:AMBER] {title}";
        message.Body = new BodyBuilder
        {
            HtmlBody = $"<!DOCTYPE html><html><body><p class=\"tlp\">TLP:AMBER</p><h1>{title}</h1>{html}<p><a href=\"https://portal.cec.example/account/briefing-email\">Stop these emails</a></p></body></html>",
            TextBody = $"TLP:AMBER\r\n\r\n{title}\r\n\r\n{markdown}",
        }.ToMessageBody();
        return message;
    }

    private static byte[] Serialize(MimeMessage message)
    {
        message.To.Add(new MailboxAddress("Member 0", "member0@bench.cec.example"));
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(options, stream);
        return stream.ToArray();
    }

    private static async Task<Guid> InsertPublishedBriefingAsync(string connectionString, DateOnly edition, string title, string markdown, string html)
    {
        var now = DateTimeOffset.UtcNow;
        var content = new BriefingContent(title, markdown, html, TlpLabel.Amber, SampleBriefing.Vulnerabilities(edition, 8));
        var briefing = Briefing.Create(edition, content, "bench-editor", now);
        briefing.Publish(now);
        await using var db = new AppDbContext(DesignTimeDbContextFactory.StandaloneOptions(connectionString));
        db.Add(briefing);
        await db.SaveChangesAsync();
        return briefing.Id;
    }

    private static async Task<string> LedgerSummaryAsync(string connectionString, Guid briefingId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Status", count(*) FROM briefing_deliveries WHERE "BriefingId" = @id GROUP BY "Status" ORDER BY "Status" """, connection);
        command.Parameters.AddWithValue("id", briefingId);
        var counts = new Dictionary<int, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return $"{counts.GetValueOrDefault(1):N0} sent, {counts.GetValueOrDefault(2):N0} failed, {counts.GetValueOrDefault(0):N0} pending";
    }

    private sealed record Phase(long Messages, double Seconds, MemoryFigures Memory)
    {
        public double Rate => Messages / Seconds;
    }

    private sealed record Row(int Members, string Sender, Phase? Phase);
}
