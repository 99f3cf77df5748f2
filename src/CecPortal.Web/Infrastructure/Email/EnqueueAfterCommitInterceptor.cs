using System.Data.Common;
using System.Runtime.CompilerServices;
using Hangfire;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// Hands the messages an <see cref="EmailOutbox"/> stored to Hangfire once the change that stored them is committed,
/// so no feature calls the job queue itself. A save outside a transaction commits as it returns; inside one, the
/// messages wait for that transaction's commit and are forgotten with it when it rolls back or is abandoned: a
/// delivery job never looks for a row that is not there, and no email leaves for a change that did not happen.
/// </summary>
public sealed partial class EnqueueAfterCommitInterceptor(IBackgroundJobClient jobs, ILogger<EnqueueAfterCommitInterceptor> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<OutboundEmail, object> _expected = [];
    private readonly ConditionalWeakTable<DbContext, List<Guid>> _saving = [];
    private readonly ConditionalWeakTable<DbTransaction, List<Guid>> _awaitingCommit = [];

    /// <summary>
    /// Marks a message the outbox added, to be enqueued once its save commits. Only these: a row stored another way
    /// (a repair script, a test's queued message) is left to the outbox sweep, as before.
    /// </summary>
    public void Expect(OutboundEmail email) => _expected.AddOrUpdate(email, email);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteSaving(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteSaving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>The messages stay added in the change tracker: a later successful save notes them again.</summary>
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A new transaction starts with nothing awaiting its commit. Npgsql gives a connection's next transaction the same
    /// <see cref="DbTransaction"/> object, and a transaction disposed without commit or rollback raises no event, so
    /// without this the emails of an abandoned transaction would be handed to the queue by the next commit on that
    /// connection.
    /// </summary>
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _awaitingCommit.Remove(result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _awaitingCommit.Remove(result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _awaitingCommit.Remove(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _awaitingCommit.Remove(transaction);
        return Task.CompletedTask;
    }

    private void NoteSaving(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<OutboundEmail>().Where(e => e.State == EntityState.Added && _expected.TryGetValue(e.Entity, out _)).Select(e => e.Entity.Id).ToList();
        if (added.Count > 0)
        {
            _saving.AddOrUpdate(context, added);
        }
        else
        {
            _saving.Remove(context);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_saving.TryGetValue(context, out var saved))
        {
            return;
        }

        _saving.Remove(context);
        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            _awaitingCommit.GetValue(transaction, _ => []).AddRange(saved);
        }
        else
        {
            Enqueue(saved);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _saving.Remove(context);
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (_awaitingCommit.TryGetValue(transaction, out var committed))
        {
            _awaitingCommit.Remove(transaction);
            Enqueue(committed);
        }
    }

    /// <summary>
    /// The change is already saved, so a job store that cannot be reached (the database went away just after the
    /// commit) must not fail the request: the person would be told nothing was saved. The outbox sweep sends such a
    /// message within ten minutes.
    /// </summary>
    private void Enqueue(List<Guid> ids)
    {
        foreach (var id in ids)
        {
            try
            {
                jobs.Enqueue<DeliverEmailJob>(job => job.RunAsync(id, CancellationToken.None));
            }
            catch (BackgroundJobClientException ex)
            {
                LogNotEnqueued(logger, ex, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} is saved but could not be handed to the job queue; the outbox sweep will send it.")]
    private static partial void LogNotEnqueued(ILogger logger, Exception exception, Guid emailId);
}
