using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

/// <summary>Empties the <see cref="BriefingReadCache"/> after a save that added, changed or deleted a briefing.</summary>
public sealed class BriefingChangesInterceptor(BriefingReadCache cache) : SaveChangesInterceptor
{
    private static readonly object Changed = new();
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context, saved: true);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context, saved: true);
        return base.SavedChanges(eventData, result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context, saved: false);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Done(eventData.Context, saved: false);
        base.SaveChangesFailed(eventData);
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<Briefing>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _saving.AddOrUpdate(context, Changed);
        }
    }

    private void Done(DbContext? context, bool saved)
    {
        if (context is not null && _saving.Remove(context) && saved)
        {
            cache.Invalidate();
        }
    }
}
