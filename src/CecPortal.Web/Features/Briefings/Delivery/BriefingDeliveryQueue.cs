using Hangfire;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// Hands chunk jobs to Hangfire and decides what follows a chunk: the briefing marked Sent, the rest passed on, or a
/// follow-up after a back-off. Chunks are interchangeable: each leases whatever rows are ready, so enqueuing one too
/// many costs an empty pass, never a duplicate message.
/// </summary>
public sealed class BriefingDeliveryQueue(
    AppDbContext db,
    DeliveryLedger ledger,
    IBackgroundJobClient jobs,
    IOptions<BriefingOptions> options,
    TimeProvider clock,
    ILogger<BriefingDeliveryQueue> logger)
{
    /// <summary>Enqueues ceil(ready / ChunkSize) chunk jobs for the rows ready now; returns how many.</summary>
    public async Task<int> EnqueueChunksAsync(Guid briefingId, CancellationToken cancellationToken)
    {
        var ready = await ledger.CountReadyAsync(briefingId, cancellationToken);
        var chunks = (ready + options.Value.ChunkSize - 1) / options.Value.ChunkSize;
        for (var chunk = 1; chunk <= chunks; chunk++)
        {
            var number = chunk;
            jobs.Enqueue<SendBriefingChunkJob>(job => job.RunAsync(briefingId, number, CancellationToken.None));
        }

        return chunks;
    }

    /// <summary>After chunk <paramref name="chunk"/> sent <paramref name="result"/>: completes the briefing, or keeps the fan-out going.</summary>
    public async Task ContinueAfterChunkAsync(Guid briefingId, int chunk, FanOutResult result, CancellationToken cancellationToken)
    {
        if (await CompleteIfDoneAsync(briefingId, cancellationToken))
        {
            return;
        }

        if (chunk == SendBriefingChunkJob.FollowUp && result.Attempted > 0 && await ledger.CountReadyAsync(briefingId, cancellationToken) > 0)
        {
            // A follow-up stands alone: when more rows are ready than one chunk takes, it passes the rest on.
            await EnqueueChunksAsync(briefingId, cancellationToken);
        }

        // A chunk that deferred rows, or a follow-up that came too early for them (another server's clock ahead of
        // this one's), leaves a chunk job at the earliest back-off end for the rows waiting for it.
        var waiting = result.Deferred > 0 || (chunk == SendBriefingChunkJob.FollowUp && result.Attempted == 0);
        if (waiting && await ledger.NextAttemptAtAsync(briefingId, cancellationToken) is { } next)
        {
            var at = FollowUpTime(next, clock.GetUtcNow());
            jobs.Schedule<SendBriefingChunkJob>(job => job.RunAsync(briefingId, SendBriefingChunkJob.FollowUp, CancellationToken.None), at);
            logger.LogInformation("Briefing {BriefingId}: {Deferred} deliveries wait for a retry; follow-up at {At:O}.", briefingId, result.Deferred, at);
        }
    }

    /// <summary>
    /// When a follow-up for rows waiting until <paramref name="next"/> is due: not before then, rounded UP to the
    /// second, because Hangfire keeps a scheduled job's time in whole seconds (truncated) and would otherwise start it
    /// up to a second early, find nothing ready, and leave the rows to the sweep minutes later.
    /// </summary>
    public static DateTimeOffset FollowUpTime(DateTimeOffset next, DateTimeOffset now)
    {
        var at = next > now ? next : now;
        var partial = at.Ticks % TimeSpan.TicksPerSecond;
        return partial == 0 ? at : at.AddTicks(TimeSpan.TicksPerSecond - partial);
    }

    /// <summary>Marks the briefing Sent once no row is pending; the <c>xmin</c> token makes a second caller lose quietly.</summary>
    public async Task<bool> CompleteIfDoneAsync(Guid briefingId, CancellationToken cancellationToken)
    {
        if (await ledger.AnyPendingAsync(briefingId, cancellationToken))
        {
            return false;
        }

        var briefing = await db.Briefings.SingleOrDefaultAsync(b => b.Id == briefingId, cancellationToken);
        if (briefing is not { Status: BriefingStatus.Published, SendStartedAt: not null })
        {
            return false;
        }

        briefing.MarkSent(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        logger.LogInformation("Briefing {BriefingId} is sent: no delivery is pending.", briefingId);
        return true;
    }
}
