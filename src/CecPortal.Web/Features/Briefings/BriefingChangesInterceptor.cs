using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CecPortal.Web.Features.Briefings;

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
