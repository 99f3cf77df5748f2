using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>How the fan-out of one briefing stands, for staff; and the retry of failed deliveries.</summary>
public sealed class BriefingDeliveryReport(AppDbContext db, DeliveryLedger ledger, BriefingDeliveryQueue queue, AuditLog audit)
{
    public const string RetryAction = "briefing.deliveries-retry";

    public sealed record Summary(Guid Id, DateOnly EditionDate, string Title, TlpLabel Tlp, BriefingStatus Status, DateTimeOffset? SendStartedAt, DateTimeOffset? SentAt, int Pending, int Sent, int Failed)
    {
        /// <summary>Failed deliveries whose details (address, error) are still kept and can be retried.</summary>
        public int FailedWithDetails { get; init; } = Failed;

        /// <summary>When the per-member details were deleted under <c>Retention:DeliveryDetails</c>; null while all are kept.</summary>
        public DateTimeOffset? DetailsArchivedAt { get; init; }
    }

    public sealed record FailedDelivery(string MemberId, string FullName, string? Email, int Attempts, string? LastError, DateTimeOffset? LastAttemptAt);

    public async Task<Summary?> SummaryAsync(Guid briefingId, CancellationToken cancellationToken)
    {
        var briefing = await db.Briefings.AsNoTracking()
            .Where(b => b.Id == briefingId)
            .Select(b => new { b.Id, b.EditionDate, b.Title, b.Tlp, b.Status, b.SendStartedAt, b.SentAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (briefing is null)
        {
            return null;
        }

        var counts = await db.BriefingDeliveries.AsNoTracking()
            .Where(d => d.BriefingId == briefingId)
            .GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var archived = await db.ArchivedDeliveryCounts.AsNoTracking().SingleOrDefaultAsync(a => a.BriefingId == briefingId, cancellationToken);
        var failed = counts.GetValueOrDefault(DeliveryStatus.Failed);
        return new Summary(
            briefing.Id, briefing.EditionDate, briefing.Title, briefing.Tlp, briefing.Status, briefing.SendStartedAt, briefing.SentAt,
            counts.GetValueOrDefault(DeliveryStatus.Pending),
            counts.GetValueOrDefault(DeliveryStatus.Sent) + (archived?.Sent ?? 0),
            failed + (archived?.Failed ?? 0))
        {
            FailedWithDetails = failed,
            DetailsArchivedAt = archived?.ArchivedAt,
        };
    }

    public Task<PageOf<FailedDelivery>> FailedAsync(Guid briefingId, int pageNumber, int pageSize, CancellationToken cancellationToken) =>
        db.BriefingDeliveries.AsNoTracking()
            .Where(d => d.BriefingId == briefingId && d.Status == DeliveryStatus.Failed)
            .Join(db.Users, d => d.MemberId, u => u.Id, (d, u) => new { d, u })
            .OrderBy(x => x.u.Email).ThenBy(x => x.d.Id)
            .Select(x => new FailedDelivery(x.u.Id, x.u.FullName, x.u.Email, x.d.Attempts, x.d.LastError, x.d.LastAttemptAt))
            .ToPageAsync(pageNumber, pageSize, cancellationToken);

    /// <summary>
    /// Puts every Failed delivery back to Pending (attempts kept, back-off cleared), records who did it and
    /// enqueues chunk jobs. Returns how many deliveries will be tried again.
    /// </summary>
    public async Task<int> RetryFailedAsync(Guid briefingId, Actor actor, CancellationToken cancellationToken)
    {
        var briefing = await db.Briefings.AsNoTracking().Where(b => b.Id == briefingId).Select(b => new { b.Tlp }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new BriefingRuleException("There is no such briefing.");
        if (!briefing.Tlp.MayBeEmailed())
        {
            throw new BriefingRuleException($"A {briefing.Tlp.Display()} briefing is never emailed.");
        }

        int count;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            count = await ledger.RequeueFailedAsync(briefingId, cancellationToken);
            if (count == 0)
            {
                return 0;
            }

            audit.Record(actor, RetryAction, $"briefing:{briefingId}", $"{count} failed deliveries queued again.");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await queue.EnqueueChunksAsync(briefingId, cancellationToken);
        return count;
    }
}
