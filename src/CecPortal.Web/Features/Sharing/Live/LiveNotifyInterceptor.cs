using System.Runtime.CompilerServices;
using CecPortal.Web.Features.Sharing.Topics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>
/// Announces every saved change to a message (a post, a reply, an edit, a deletion, a moderator hiding it) with
/// <c>pg_notify</c>, in the same transaction as the change: PostgreSQL delivers a notification when its transaction
/// commits and drops it on rollback, so listeners never hear of a change that did not happen, nor miss one that did. A
/// save that has no transaction of its own gets one here, so the notification still commits with it. Being the one
/// place, a new way of changing messages (moderation) is announced without knowing about live updates.
/// </summary>
public sealed class LiveNotifyInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Changed(context) is { Count: > 0 } changed)
        {
            var owned = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
            _saving.AddOrUpdate(context, new Pending(changed, owned));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Changed(context) is { Count: > 0 } changed)
        {
            var owned = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
            _saving.AddOrUpdate(context, new Pending(changed, owned));
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _saving.TryGetValue(context, out var pending))
        {
            _saving.Remove(context);
            using var owned = pending.Owned;
            context.Database.ExecuteSql($"SELECT pg_notify({LiveChange.NotifyChannel}, p) FROM unnest({pending.Payloads()}) AS p");
            owned?.Commit();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _saving.TryGetValue(context, out var pending))
        {
            _saving.Remove(context);
            await using var owned = pending.Owned;
            await context.Database.ExecuteSqlAsync($"SELECT pg_notify({LiveChange.NotifyChannel}, p) FROM unnest({pending.Payloads()}) AS p", cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && _saving.TryGetValue(context, out var pending))
        {
            _saving.Remove(context);
            pending.Owned?.Dispose();
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _saving.TryGetValue(context, out var pending))
        {
            _saving.Remove(context);
            if (pending.Owned is { } owned)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private static List<Message> Changed(DbContext context) =>
        [.. context.ChangeTracker.Entries<Message>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity)];

    /// <summary>The messages being saved (their change numbers are read back by the save), and the transaction begun for them, if any.</summary>
    private sealed record Pending(List<Message> Messages, IDbContextTransaction? Owned)
    {
        public string[] Payloads() => [.. Messages.Select(m => new LiveChange(m.ChannelId, m.ChangeSeq).ToPayload())];
    }
}
