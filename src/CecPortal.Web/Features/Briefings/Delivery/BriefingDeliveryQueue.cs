using Hangfire;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// Hands chunk jobs to Hangfire and decides what follows a chunk, for every ledger subject: the subject completed
/// (a briefing marked Sent), the rest passed on, or a follow-up after a back-off. Chunks are interchangeable: each
/// leases whatever rows are ready, so enqueuing one too many costs an empty pass, never a duplicate message.
/// </summary>
public sealed class BriefingDeliveryQueue(
    DeliveryLedger ledger,
    IEnumerable<IDeliverySource> sources,
    IBackgroundJobClient jobs,
    IOptions<BriefingOptions> options,
    TimeProvider clock,
    ILogger<BriefingDeliveryQueue> logger)
{
    /// <summary>Enqueues ceil(ready / ChunkSize) chunk jobs for the briefing's rows ready now; returns how many.</summary>
    public Task<int> EnqueueChunksAsync(Guid briefingId, CancellationToken cancellationToken) =>
        EnqueueChunksAsync(DeliverySubject.Briefing(briefingId), cancellationToken);

    /// <summary>Enqueues ceil(ready / ChunkSize) chunk jobs for the subject's rows ready now; returns how many.</summary>
    public async Task<int> EnqueueChunksAsync(DeliverySubject subject, CancellationToken cancellationToken)
    {
        var ready = await ledger.CountReadyAsync(subject, cancellationToken);
        var chunks = (ready + options.Value.ChunkSize - 1) / options.Value.ChunkSize;
        for (var chunk = 1; chunk <= chunks; chunk++)
        {
            Enqueue(subject, chunk, at: null);
        }

        return chunks;
    }

    /// <summary>After chunk <paramref name="chunk"/> sent <paramref name="result"/>: completes the subject, or keeps the fan-out going.</summary>
    public async Task ContinueAfterChunkAsync(DeliverySubject subject, int chunk, FanOutResult result, CancellationToken cancellationToken)
    {
        if (await CompleteIfDoneAsync(subject, cancellationToken))
        {
            return;
        }

        if (chunk == SendBriefingChunkJob.FollowUp && result.Attempted > 0 && await ledger.CountReadyAsync(subject, cancellationToken) > 0)
        {
            // A follow-up stands alone: when more rows are ready than one chunk takes, it passes the rest on.
            await EnqueueChunksAsync(subject, cancellationToken);
        }

        // A chunk that deferred rows, or a follow-up that came too early for them (another server's clock ahead of
        // this one's), leaves a chunk job at the earliest back-off end for the rows waiting for it.
        var waiting = result.Deferred > 0 || (chunk == SendBriefingChunkJob.FollowUp && result.Attempted == 0);
        if (waiting && await ledger.NextAttemptAtAsync(subject, cancellationToken) is { } next)
        {
            var at = FollowUpTime(next, clock.GetUtcNow());
            Enqueue(subject, SendBriefingChunkJob.FollowUp, at);
            logger.LogInformation("{Kind} {SubjectId}: {Deferred} deliveries wait for a retry; follow-up at {At:O}.", subject.Kind, subject.Id, result.Deferred, at);
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

    public Task<bool> CompleteIfDoneAsync(Guid briefingId, CancellationToken cancellationToken) =>
        CompleteIfDoneAsync(DeliverySubject.Briefing(briefingId), cancellationToken);

    /// <summary>Completes the subject (its source decides what that means) once no row is pending.</summary>
    public async Task<bool> CompleteIfDoneAsync(DeliverySubject subject, CancellationToken cancellationToken) =>
        !await ledger.AnyPendingAsync(subject, cancellationToken)
        && await sources.Single(s => s.Kind == subject.Kind).CompleteAsync(subject.Id, cancellationToken);

    /// <summary>
    /// Briefings keep their own job type (chunks already queued under it still run); every other kind goes through
    /// <see cref="SendDeliveryChunkJob"/>, which names the kind. Arguments are ids only.
    /// </summary>
    private void Enqueue(DeliverySubject subject, int chunk, DateTimeOffset? at)
    {
        var (kind, id) = (subject.Kind, subject.Id);
        switch (kind, at)
        {
            case (DeliveryKind.Briefing, null):
                jobs.Enqueue<SendBriefingChunkJob>(job => job.RunAsync(id, chunk, CancellationToken.None));
                break;
            case (DeliveryKind.Briefing, { } when):
                jobs.Schedule<SendBriefingChunkJob>(job => job.RunAsync(id, chunk, CancellationToken.None), when);
                break;
            case (_, null):
                jobs.Enqueue<SendDeliveryChunkJob>(job => job.RunAsync(kind, id, chunk, CancellationToken.None));
                break;
            case (_, { } when):
                jobs.Schedule<SendDeliveryChunkJob>(job => job.RunAsync(kind, id, chunk, CancellationToken.None), when);
                break;
        }
    }
}
