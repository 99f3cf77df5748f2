using System.Linq.Expressions;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.ProfileChanges;
using Microsoft.EntityFrameworkCore.Query;

namespace CecPortal.Web.Features.Privacy;

/// <summary>
/// The recurring retention jobs (each visible in the Hangfire dashboard under its own id). Every job deletes
/// what is older than its period in <see cref="RetentionOptions"/>, in batches of <see cref="RetentionOptions.BatchSize"/>,
/// logs only counts, and is safe to run twice or concurrently: a second run finds nothing left to do.
/// Unverified applications have their own job, <see cref="ExpireUnverifiedApplicationsJob"/>.
/// </summary>
public sealed class RetentionJobs(AppDbContext db, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionJobs> logger)
{
    public const string ClosedApplicationsJobId = "retention-closed-applications";
    public const string DeliveryDetailsJobId = "retention-delivery-details";
    public const string SentEmailsJobId = "retention-sent-emails";
    public const string AuditClientDetailsJobId = "retention-audit-client-details";
    public const string MessagesJobId = "retention-sharing-messages";
    public const string MessageReportsJobId = "retention-sharing-message-reports";
    public const string ConsultationDraftsJobId = "retention-consultation-drafts";
    public const string DecidedProfileChangesJobId = "retention-decided-profile-changes";

    /// <summary>Every night, spread out so that they do not all start together.</summary>
    public const string ClosedApplicationsCron = "23 2 * * *";
    public const string DeliveryDetailsCron = "33 2 * * *";
    public const string SentEmailsCron = "43 2 * * *";
    public const string AuditClientDetailsCron = "53 2 * * *";
    public const string MessagesCron = "3 3 * * *";
    public const string MessageReportsCron = "13 3 * * *";
    public const string ConsultationDraftsCron = "23 3 * * *";
    public const string DecidedProfileChangesCron = "33 3 * * *";

    private RetentionOptions Retention => options.Value;

    /// <summary>Declined and withdrawn applications, counted from the decision; their events, reviews and flags go with them (cascade).</summary>
    public Task<int> DeleteClosedApplicationsAsync(CancellationToken cancellationToken) =>
        RunAsync(
            Retention.ClosedApplications,
            "declined or withdrawn membership applications deleted",
            (_, cutoff, batch) => NextBatch(
                    db.MembershipApplications,
                    a => a.Id,
                    a => (a.Status == ApplicationStatus.Declined || a.Status == ApplicationStatus.Withdrawn) && a.DecidedAt < cutoff,
                    a => a.DecidedAt,
                    batch)
                .ExecuteDeleteAsync(cancellationToken));

    /// <summary>
    /// Per-member rows of the briefing delivery ledger (who, status, error text). Before a row goes, its briefing's
    /// archived counts grow by one in the same statement, so the delivery page still shows how the send went.
    /// </summary>
    public Task<int> DeleteDeliveryDetailsAsync(CancellationToken cancellationToken) =>
        // Not composed further (no SingleAsync): PostgreSQL allows data-modifying WITH only at the top level.
        // One statement per batch: rows deleted and counts added commit together or not at all, so a rerun
        // (or a crash half-way) never counts a row twice. Pending rows this old never went: they count as failed.
        RunAsync(
            Retention.DeliveryDetails,
            "briefing delivery rows archived as counts and deleted",
            async (now, cutoff, batch) => (await db.Database.SqlQuery<int>($"""
                WITH doomed AS (
                    SELECT "Id" FROM briefing_deliveries
                    WHERE "CreatedAt" < {cutoff}
                    ORDER BY "Id"
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED
                ), gone AS (
                    DELETE FROM briefing_deliveries d USING doomed
                    WHERE d."Id" = doomed."Id"
                    RETURNING d."BriefingId", d."Status"
                ), counted AS (
                    INSERT INTO briefing_delivery_archives ("BriefingId", "Sent", "Failed", "ArchivedAt")
                    SELECT "BriefingId", count(*) FILTER (WHERE "Status" = 1), count(*) FILTER (WHERE "Status" <> 1), {now}
                    FROM gone WHERE "BriefingId" IS NOT NULL GROUP BY "BriefingId"
                    ON CONFLICT ("BriefingId") DO UPDATE SET
                        "Sent" = briefing_delivery_archives."Sent" + excluded."Sent",
                        "Failed" = briefing_delivery_archives."Failed" + excluded."Failed",
                        "ArchivedAt" = excluded."ArchivedAt"
                )
                SELECT count(*)::int AS "Value" FROM gone
                """).ToListAsync(cancellationToken)).Single());

    /// <summary>Sent messages in the outbox: their bodies were cleared when sent; this removes recipient and subject too.</summary>
    public Task<int> DeleteSentEmailsAsync(CancellationToken cancellationToken) =>
        RunAsync(
            Retention.SentEmails,
            "sent emails deleted from the outbox",
            (_, cutoff, batch) => NextBatch(db.OutboundEmails, e => e.Id, e => e.SentAt != null && e.SentAt < cutoff, e => e.SentAt, batch)
                .ExecuteDeleteAsync(cancellationToken));

    /// <summary>
    /// The client address and user agent of old audit entries: needed to investigate recent incidents, not for ever.
    /// The entry itself (who, what, when) stays as the accountability record.
    /// </summary>
    public Task<int> ClearAuditClientDetailsAsync(CancellationToken cancellationToken) =>
        RunAsync(
            Retention.AuditClientDetails,
            "audit entries cleared of client address and user agent",
            (_, cutoff, batch) => NextBatch(db.AuditEntries, e => e.Id, e => e.At < cutoff && (e.IpAddress != null || e.UserAgent != null), e => e.Id, batch)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.IpAddress, (System.Net.IPAddress?)null).SetProperty(e => e.UserAgent, (string?)null), cancellationToken));

    /// <summary>
    /// Sharing-space messages: TLP:RED ones after <see cref="RetentionOptions.RedMessages"/>, every other after
    /// <see cref="RetentionOptions.Messages"/>, with their revisions, mentions and sightings (cascade); then topics left
    /// with no message. A topic whose older messages went keeps its newer ones, and counts only those.
    /// </summary>
    public async Task<int> DeleteExpiredMessagesAsync(CancellationToken cancellationToken)
    {
        var red = await RunAsync(
            Retention.RedMessages,
            "TLP:RED sharing messages deleted",
            (_, cutoff, batch) => NextBatch(db.Messages, m => m.Id, m => m.Tlp == TlpLabel.Red && m.CreatedAt < cutoff, m => m.Seq, batch)
                .ExecuteDeleteAsync(cancellationToken));
        var other = await RunAsync(
            Retention.Messages,
            "sharing messages deleted",
            (_, cutoff, batch) => NextBatch(db.Messages, m => m.Id, m => m.CreatedAt < cutoff, m => m.Seq, batch)
                .ExecuteDeleteAsync(cancellationToken));
        if (red + other > 0)
        {
            var topics = await db.Topics.Where(t => !db.Messages.Any(m => m.TopicId == t.Id)).ExecuteDeleteAsync(cancellationToken);
            Log(topics, "empty sharing topics deleted");

            // The topics that lost older messages count the ones they keep.
            await db.Topics.Where(t => t.MessageCount != db.Messages.Count(m => m.TopicId == t.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.MessageCount, t => db.Messages.Count(m => m.TopicId == t.Id)), cancellationToken);
        }

        return red + other;
    }

    /// <summary>
    /// Members' decided profile changes (light re-vetting: confirmed, refused, replaced or cancelled), with their flags
    /// (cascade), counted from the decision like closed applications; the audit log keeps that the change happened.
    /// </summary>
    public Task<int> DeleteDecidedProfileChangesAsync(CancellationToken cancellationToken) =>
        RunAsync(
            Retention.ClosedApplications,
            "decided profile changes deleted",
            (_, cutoff, batch) => NextBatch(db.ProfileReviews, r => r.Id, r => r.Status != ProfileReviewStatus.Pending && r.DecidedAt < cutoff, r => r.DecidedAt, batch)
                .ExecuteDeleteAsync(cancellationToken));

    /// <summary>
    /// Closed reports of sharing-space messages, counted from the moderator's decision (which the audit log keeps). Open
    /// reports wait for a moderator; they go with their message when it expires (cascade).
    /// </summary>
    public Task<int> DeleteClosedMessageReportsAsync(CancellationToken cancellationToken) =>
        RunAsync(
            Retention.MessageReports,
            "closed sharing message reports deleted",
            (_, cutoff, batch) => NextBatch(db.MessageReports, r => r.Id, r => r.ResolvedAt != null && r.ResolvedAt < cutoff, r => r.ResolvedAt, batch)
                .ExecuteDeleteAsync(cancellationToken));

    /// <summary>
    /// Drafts (answer sets never submitted) of consultations closed more than <see cref="RetentionOptions.ConsultationDrafts"/>
    /// ago, with their answers (cascade). Submitted answer sets stay with their consultation: they are its results.
    /// </summary>
    public Task<int> DeleteConsultationDraftsAsync(CancellationToken cancellationToken) =>
        RunAsync(
            Retention.ConsultationDrafts,
            "unsubmitted consultation drafts deleted",
            (_, cutoff, batch) => NextBatch(
                    db.ConsultationResponses,
                    r => r.Id,
                    r => r.SubmittedAt == null && db.Consultations.Any(c => c.Id == r.ConsultationId && c.ClosedAt != null && c.ClosedAt < cutoff),
                    r => r.Id,
                    batch)
                .ExecuteDeleteAsync(cancellationToken));

    /// <summary>
    /// One retention pass: what is older than <paramref name="period"/> goes in batches until one comes back short;
    /// the total is logged as <paramref name="what"/> and returned. A batch gets the pass's start instant, its cutoff
    /// and the batch size.
    /// </summary>
    private async Task<int> RunAsync(TimeSpan period, string what, Func<DateTimeOffset, DateTimeOffset, int, Task<int>> batch)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - period;
        var total = await DeleteInBatchesAsync(Retention.BatchSize, size => batch(now, cutoff, size));
        Log(total, what);
        return total;
    }

    /// <summary>Runs <paramref name="deleteBatch"/> until a batch comes back short; returns the total.</summary>
    internal static async Task<int> DeleteInBatchesAsync(int batchSize, Func<int, Task<int>> deleteBatch)
    {
        var total = 0;
        while (true)
        {
            var count = await deleteBatch(batchSize);
            total += count;
            if (count < batchSize)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// The rows among the first <paramref name="batch"/> that are <paramref name="due"/>, oldest by <paramref name="order"/>:
    /// PostgreSQL's DELETE and UPDATE take no LIMIT, so the batch is picked by key in a subquery, as
    /// <c>WHERE key IN (SELECT key ... ORDER BY ... LIMIT batch)</c>.
    /// </summary>
    private static IQueryable<T> NextBatch<T, TKey, TOrder>(
        IQueryable<T> rows,
        Expression<Func<T, TKey>> key,
        Expression<Func<T, bool>> due,
        Expression<Func<T, TOrder>> order,
        int batch)
    {
        var picked = rows.Where(due).OrderBy(order).Take(batch).Select(key);
        var row = Expression.Parameter(typeof(T), "row");
        var rowKey = ReplacingExpressionVisitor.Replace(key.Parameters[0], row, key.Body);
        var isPicked = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(TKey)], picked.Expression, rowKey);
        return rows.Where(Expression.Lambda<Func<T, bool>>(isPicked, row));
    }

    private void Log(int count, string what)
    {
        if (count > 0)
        {
            logger.LogInformation("Retention: {Count} {What}.", count, what);
        }
    }
}
