namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// Crash recovery: every few minutes, finds briefings whose fan-out started and that still have pending rows
/// ready to go (their lease ran out, their back-off ended) and enqueues chunks for them; and marks a briefing
/// Sent whose last chunk ended without doing so.
/// </summary>
public sealed class BriefingDeliverySweepJob(AppDbContext db, BriefingFanOut fanOut, BriefingDeliveryQueue queue, TimeProvider clock)
{
    public const string RecurringJobId = "briefing-delivery-sweep";

    public const string Cron = "*/5 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ready = await db.Briefings.AsNoTracking()
            .Where(b => b.SendStartedAt != null && (b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent))
            .Where(b => db.BriefingDeliveries.Any(d => d.BriefingId == b.Id && d.Status == DeliveryStatus.Pending
                && (d.ClaimedUntil == null || d.ClaimedUntil < now)
                && (d.NextAttemptAt == null || d.NextAttemptAt <= now)))
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);
        foreach (var briefingId in ready)
        {
            await queue.EnqueueChunksAsync(briefingId, cancellationToken);
        }

        var unfinished = await db.Briefings.AsNoTracking()
            .Where(b => b.SendStartedAt != null && b.Status == BriefingStatus.Published)
            .Where(b => !db.BriefingDeliveries.Any(d => d.BriefingId == b.Id && d.Status == DeliveryStatus.Pending))
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);
        foreach (var briefingId in unfinished)
        {
            await fanOut.CompleteIfDoneAsync(briefingId, cancellationToken);
        }
    }
}
