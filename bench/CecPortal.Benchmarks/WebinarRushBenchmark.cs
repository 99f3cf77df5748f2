using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.Benchmarks;

/// <summary>
/// The rush on a popular webinar: M members register for one session of capacity C at the same moment, K at a time,
/// through the portal's own <see cref="WebinarAttendance"/> (session row lock, waiting list, confirmation email with its
/// invitation stored in the outbox), then a tenth of the confirmed members cancel and the first in line are promoted.
/// Prints throughput and latency and checks the outcome: exactly C confirmed, the rest waiting in arrival order.
/// </summary>
internal static class WebinarRushBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var members = args.Length > 0 ? int.Parse(args[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 2_000;
        var capacity = args.Length > 1 ? int.Parse(args[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 300;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;

        await using var sink = new LeanSmtpSink(SmtpSinkMode.Discard);
        await using var cluster = await BenchCluster.StartAsync();
        var connectionString = await cluster.MigratedDatabaseAsync("webinars");
        await MemberSeed.CopyAsync(connectionString, members);
        await using var portal = InProcessPortal.Start(connectionString, sink.Port, 1);
        var sessionId = await PlanSessionAsync(portal, capacity);
        var memberIds = await WithDbAsync(portal, db => db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).Take(members).ToListAsync());
        Console.WriteLine($"{members:N0} members register for one session of capacity {capacity:N0}, {concurrency} at a time; {Environment.ProcessorCount} cores.");

        // Warm-up on a second session so the first measured registration does not pay for JIT and connection start-up.
        var warmUp = await PlanSessionAsync(portal, 5);
        await RunAsync(portal, memberIds.Take(20).ToList(), concurrency, (attendance, id) => attendance.RegisterAsync(warmUp, id, CancellationToken.None));

        var register = await RunAsync(portal, memberIds, concurrency, (attendance, id) => attendance.RegisterAsync(sessionId, id, CancellationToken.None));
        Print("register", register);
        var (confirmed, waiting) = await CountAsync(portal, sessionId);
        Console.WriteLine($"  outcome: {confirmed:N0} confirmed, {waiting:N0} waiting (expected {Math.Min(capacity, members):N0} and {Math.Max(0, members - capacity):N0})");

        var leavers = await WithDbAsync(portal, db => db.WebinarRegistrations.AsNoTracking()
            .Where(r => r.SessionId == sessionId && r.Status == RegistrationStatus.Confirmed)
            .OrderBy(r => r.RegisteredAt).Select(r => r.MemberId).Take(Math.Max(1, capacity / 10)).ToListAsync());
        var firstInLine = await WithDbAsync(portal, db => db.WebinarRegistrations.AsNoTracking()
            .Where(r => r.SessionId == sessionId && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).Select(r => r.MemberId).Take(leavers.Count).ToListAsync());
        var cancel = await RunAsync(portal, leavers, concurrency, (attendance, id) => attendance.CancelAsync(sessionId, id, CancellationToken.None));
        Print("cancel + promote", cancel);
        var promoted = await WithDbAsync(portal, db => db.WebinarRegistrations.AsNoTracking()
            .Where(r => r.SessionId == sessionId && r.PromotedAt != null).Select(r => r.MemberId).ToListAsync());
        var (confirmedAfter, waitingAfter) = await CountAsync(portal, sessionId);
        Console.WriteLine($"  outcome: {confirmedAfter:N0} confirmed, {waitingAfter:N0} waiting; the {firstInLine.Count} first in line promoted: {(promoted.ToHashSet().SetEquals(firstInLine) ? "yes" : "NO")}");
        var outbox = await WithDbAsync(portal, db => db.OutboundEmails.CountAsync());
        Console.WriteLine($"  outbox: {outbox:N0} emails stored (confirmations with invitations, waiting-list notices, cancellations, promotions)");
    }

    private static async Task<Guid> PlanSessionAsync(PortalFactory portal, int capacity)
    {
        var now = DateTimeOffset.UtcNow;
        var rule = SeriesRule.Create(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromHours(1));
        var series = WebinarSeries.Create($"Rush {Guid.NewGuid():N}", rule, capacity, now);
        var session = WebinarSession.Plan(series, rule.NextOccurrences(now.AddDays(7), 1).Single(), now);
        session.Describe("Ransomware negotiation: lessons from the field", "A peer session.", "<p>A peer session.</p>", TlpLabel.Amber, "https://meet.example.org/cec/rush", capacity, now);
        await WithDbAsync(portal, db =>
        {
            db.WebinarSeries.Add(series);
            db.WebinarSessions.Add(session);
            return db.SaveChangesAsync();
        });
        return session.Id;
    }

    private static async Task<(int Confirmed, int Waiting)> CountAsync(PortalFactory portal, Guid sessionId)
    {
        var counts = await WithDbAsync(portal, db => db.WebinarRegistrations.AsNoTracking()
            .Where(r => r.SessionId == sessionId)
            .GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync());
        return (counts.SingleOrDefault(c => c.Key == RegistrationStatus.Confirmed)?.Count ?? 0, counts.SingleOrDefault(c => c.Key == RegistrationStatus.Waitlisted)?.Count ?? 0);
    }

    private static async Task<(double Seconds, List<double> Latencies)> RunAsync(PortalFactory portal, IReadOnlyList<string> memberIds, int concurrency, Func<WebinarAttendance, string, Task<AttendanceChange>> act)
    {
        var queue = new ConcurrentQueue<string>(memberIds);
        var latencies = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var memberId))
            {
                await using var scope = portal.Services.CreateAsyncScope();
                var attendance = scope.ServiceProvider.GetRequiredService<WebinarAttendance>();
                var one = Stopwatch.StartNew();
                await act(attendance, memberId);
                latencies.Add(one.Elapsed.TotalMilliseconds);
            }
        })));
        return (watch.Elapsed.TotalSeconds, latencies.Order().ToList());
    }

    private static void Print(string phase, (double Seconds, List<double> Latencies) run)
    {
        var (seconds, latencies) = run;
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * q))];
        Console.WriteLine($"{phase,-18} {latencies.Count,7:N0} calls in {seconds,6:F2} s = {latencies.Count / seconds,7:N0}/s; latency p50 {At(0.50),6:F1} ms, p99 {At(0.99),6:F1} ms, max {latencies[^1],6:F1} ms");
    }

    private static async Task<T> WithDbAsync<T>(PortalFactory portal, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
