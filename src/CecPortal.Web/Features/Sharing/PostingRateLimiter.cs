using System.Threading.RateLimiting;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// How fast one member may post, per instance: a fixed window per user id; and how many messages one instance writes at
/// once. The writer asks before it saves, so a member over the limit, or a post that finds the instance saturated, gets
/// the form back with their text and a clear message instead of a bare 429 or a request that holds a connection for
/// half a minute (under a burst, waiting posts would otherwise take every pooled connection and starve the pages).
/// </summary>
public sealed class PostingRateLimiter(IOptions<SharingOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _writes = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.ConcurrentWrites,
        QueueLimit = options.Value.ConcurrentWrites * 4,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PostsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public void Acquire(string userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        if (!lease.IsAcquired)
        {
            throw new SharingRuleException(
                $"You have posted {options.Value.PostsPerMinute} messages in the last minute. Wait a moment and send again: your text is kept below.");
        }
    }

    /// <summary>One of the instance's concurrent writes, to dispose when the write is over; refused when none frees up in time.</summary>
    public async Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.Value.WriteWait);
        RateLimitLease lease;
        try
        {
            lease = await _writes.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Busy();
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw Busy();
        }

        return lease;
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _writes.Dispose();
    }

    private static SharingRuleException Busy() =>
        new("The sharing space is very busy this moment and your message was not sent. Send it again in a few seconds: your text is kept below.");
}
