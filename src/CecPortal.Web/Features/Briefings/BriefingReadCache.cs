using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// What members read, kept in this instance's memory for <see cref="BriefingOptions.ReadCacheDuration"/>. Every saved
/// change to a briefing through this instance's <c>AppDbContext</c> empties it (<see cref="BriefingChangesInterceptor"/>),
/// so editors and the morning job see their change at once; other instances catch up when their copy expires.
/// Only what was found is kept: a date that is not readable yet is asked for again.
/// </summary>
public sealed class BriefingReadCache(IMemoryCache cache, IOptions<BriefingOptions> options) : IDisposable
{
    private CancellationTokenSource _generation = new();

    public async Task<T?> GetOrLoadAsync<T>(object key, Func<Task<T?>> load)
        where T : class
    {
        var duration = options.Value.ReadCacheDuration;
        if (duration <= TimeSpan.Zero)
        {
            return await load();
        }

        if (cache.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        // Taken before the load: a change saved while it runs expires what it read.
        var generation = Volatile.Read(ref _generation).Token;
        var value = await load();
        if (value is not null)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = value;
            entry.AbsoluteExpirationRelativeToNow = duration;
            entry.AddExpirationToken(new CancellationChangeToken(generation));
        }

        return value;
    }

    /// <summary>Forgets everything kept so far. (The replaced source is not disposed: a load still running may read its token.)</summary>
    public void Invalidate() => Interlocked.Exchange(ref _generation, new CancellationTokenSource()).Cancel();

    public void Dispose() => _generation.Dispose();
}
