using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// The 07:00 job (<c>Briefings:SendCron</c> in <c>Briefings:TimeZone</c>): publishes today's briefing, fills its
/// delivery ledger and enqueues the chunk jobs; alerts the editors when there is no briefing. Safe to run again
/// at any time: it resumes a started fan-out instead of starting another, and alerts at most once a day.
/// </summary>
public sealed class MorningBriefingJob(
    AppDbContext db,
    DeliveryLedger ledger,
    BriefingDeliveryQueue queue,
    EmailOutbox outbox,
    AuditLog audit,
    PortalUrls urls,
    IOptions<BriefingOptions> options,
    TimeProvider clock,
    ILogger<MorningBriefingJob> logger)
{
    public const string RecurringJobId = "morning-briefing";

    /// <summary>The audit action that records the missing-briefing alert, so a second run does not alert again.</summary>
    public const string MissingAlertAction = "briefing.missing-alert";

    public const string ActorName = "Morning briefing job";

    /// <summary>Serialises concurrent runs (two servers, a manual trigger) on the database.</summary>
    private const long AdvisoryLockKey = 0x43_45_43_42_52_46;

    public Task<MorningOutcome> RunAsync(CancellationToken cancellationToken) =>
        RunForAsync(options.Value.Today(clock), cancellationToken);

    public async Task<MorningOutcome> RunForAsync(DateOnly editionDate, CancellationToken cancellationToken)
    {
        var (outcome, briefingId) = await PrepareAsync(editionDate, cancellationToken);
        if (outcome == MorningOutcome.Missing)
        {
            return outcome;
        }

        if (outcome == MorningOutcome.Sending)
        {
            var chunks = await queue.EnqueueChunksAsync(briefingId, cancellationToken);
            logger.LogInformation("Briefing {BriefingId} for {EditionDate}: {Chunks} chunk job(s) enqueued.", briefingId, editionDate, chunks);
            await queue.CompleteIfDoneAsync(briefingId, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Everything that must happen once, in one transaction under an advisory lock.</summary>
    private async Task<(MorningOutcome Outcome, Guid BriefingId)> PrepareAsync(DateOnly editionDate, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        var now = clock.GetUtcNow();
        var briefing = await db.Briefings.SingleOrDefaultAsync(b => b.EditionDate == editionDate, cancellationToken);
        if (briefing is null || briefing.Status == BriefingStatus.Draft)
        {
            await AlertEditorsOnceAsync(editionDate, draftExists: briefing is not null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (MorningOutcome.Missing, Guid.Empty);
        }

        if (briefing.Status == BriefingStatus.Sent)
        {
            return (MorningOutcome.AlreadySent, briefing.Id);
        }

        if (briefing.Status == BriefingStatus.Scheduled)
        {
            briefing.Publish(now);
        }

        if (!briefing.Tlp.MayBeEmailed())
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Briefing {BriefingId} is {Tlp}: published, not emailed.", briefing.Id, briefing.Tlp.Display());
            return (MorningOutcome.PublishedOnly, briefing.Id);
        }

        if (briefing.SendStartedAt is null)
        {
            var rows = await ledger.FillAsync(briefing.Id, cancellationToken);
            briefing.StartSending(now);
            logger.LogInformation("Briefing {BriefingId}: {Rows} deliveries in the ledger.", briefing.Id, rows);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (MorningOutcome.Sending, briefing.Id);
    }

    private async Task AlertEditorsOnceAsync(DateOnly editionDate, bool draftExists, CancellationToken cancellationToken)
    {
        var subject = $"edition:{editionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (await db.AuditEntries.AnyAsync(e => e.Action == MissingAlertAction && e.Subject == subject, cancellationToken))
        {
            return;
        }

        var staff = await db.Users.AsNoTracking().ActiveMembers()
            .Where(u => u.EmailConfirmed && u.Email != null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Editor || r.Name == Roles.Admin))))
            .OrderBy(u => u.Email)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
        var date = editionDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var why = draftExists
            ? $"The briefing for {date} is still a draft, so it was not published and no email went out."
            : $"There is no briefing for {date}, so nothing was published and no email went out.";
        foreach (var address in staff)
        {
            outbox.Add(EmailTemplate.Compose(
                address,
                $"No daily briefing for {date}",
                [why, "Members get no morning email today. Once a briefing is published, members can read it on the portal."],
                ("Open the briefings", urls.Absolute("/admin/briefings"))));
        }

        audit.Record(null, ActorName, MissingAlertAction, subject, $"{staff.Count} editor(s) and admin(s) alerted.");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("No briefing is ready for {EditionDate}; {Count} editor(s) and admin(s) alerted.", editionDate, staff.Count);
    }
}
