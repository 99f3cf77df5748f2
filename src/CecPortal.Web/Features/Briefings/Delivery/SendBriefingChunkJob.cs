using Hangfire;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// Hands chunk jobs to Hangfire. Chunks are interchangeable: each leases whatever rows are ready, so enqueuing
/// one too many costs an empty pass, never a duplicate message.
/// </summary>
public sealed class BriefingDeliveryQueue(BriefingFanOut fanOut, IBackgroundJobClient jobs, IOptions<BriefingOptions> options)
{
    /// <summary>Enqueues ceil(ready / ChunkSize) chunk jobs for the rows ready now; returns how many.</summary>
    public async Task<int> EnqueueChunksAsync(Guid briefingId, CancellationToken cancellationToken)
    {
        var ready = await fanOut.CountReadyAsync(briefingId, cancellationToken);
        var chunks = (ready + options.Value.ChunkSize - 1) / options.Value.ChunkSize;
        for (var chunk = 1; chunk <= chunks; chunk++)
        {
            var number = chunk;
            jobs.Enqueue<SendBriefingChunkJob>(job => job.RunAsync(briefingId, number, CancellationToken.None));
        }

        return chunks;
    }

    /// <summary>A chunk job at <paramref name="at"/>, for rows waiting for their back-off to end.</summary>
    public void ScheduleFollowUp(Guid briefingId, DateTimeOffset at) =>
        jobs.Schedule<SendBriefingChunkJob>(job => job.RunAsync(briefingId, SendBriefingChunkJob.FollowUp, CancellationToken.None), at);
}

/// <summary>
/// Sends one chunk (at most <c>Briefings:ChunkSize</c> messages) of a briefing's fan-out, so that no job runs
/// anywhere near Hangfire's invisibility timeout and several servers share the work. Arguments are ids only.
/// </summary>
public sealed class SendBriefingChunkJob(BriefingFanOut fanOut, BriefingDeliveryQueue queue, TimeProvider clock, ILogger<SendBriefingChunkJob> logger)
{
    /// <summary>The chunk number of follow-ups (after a back-off, a sweep or a staff retry): any ready rows.</summary>
    public const int FollowUp = 0;

    /// <summary>
    /// If the SMTP server cannot be reached, nothing was attempted and the rows were given back; Hangfire's
    /// retries try the chunk again (the sweep would too).
    /// </summary>
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid briefingId, int chunk, CancellationToken cancellationToken)
    {
        var result = await fanOut.SendChunkAsync(briefingId, cancellationToken);
        if (await fanOut.CompleteIfDoneAsync(briefingId, cancellationToken))
        {
            return;
        }

        if (chunk == FollowUp && result.Attempted > 0 && await fanOut.CountReadyAsync(briefingId, cancellationToken) > 0)
        {
            // A follow-up stands alone: when more rows are ready than one chunk takes, it passes the rest on.
            await queue.EnqueueChunksAsync(briefingId, cancellationToken);
        }

        if (result.Deferred > 0 && await fanOut.NextAttemptAtAsync(briefingId, cancellationToken) is { } next)
        {
            var at = next > clock.GetUtcNow() ? next : clock.GetUtcNow();
            queue.ScheduleFollowUp(briefingId, at);
            logger.LogInformation("Briefing {BriefingId}: {Deferred} deliveries wait for a retry; follow-up at {At:O}.", briefingId, result.Deferred, at);
        }
    }
}
