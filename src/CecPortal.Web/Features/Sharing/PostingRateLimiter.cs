using System.Threading.RateLimiting;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// How fast one member may post, per instance: a fixed window per user id. The writer asks before it saves, so a
/// member over the limit gets the form back with their text and a clear message instead of a bare 429.
/// </summary>
public sealed class PostingRateLimiter(IOptions<SharingOptions> options) : IDisposable
{
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

    public void Dispose() => _limiter.Dispose();
}
