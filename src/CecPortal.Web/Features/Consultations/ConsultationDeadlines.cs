using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// What the clock does to open consultations: the one reminder before the deadline to audience members who have not
/// submitted, and the close once the deadline has passed. Each consultation is handled in its own transaction under
/// its row lock, and the reminder is stamped on the row in the same save as its emails, so a second run (or two
/// instances at once) mails nobody twice.
/// </summary>
public sealed class ConsultationDeadlines(AppDbContext db, ConsultationMail mail, AuditLog audit, IOptions<ConsultationOptions> options, TimeProvider clock)
{
    public const string ActorName = "Consultation deadlines (system)";
    public const string ReminderAction = "consultation.reminder";
    public const string AutoCloseAction = "consultation.close";

    /// <summary>Sends the reminders that are due and closes the consultations whose deadline passed; returns how many of each.</summary>
    public async Task<(int Reminded, int Closed)> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var remindFrom = now + options.Value.ReminderBeforeDeadline;
        var due = await db.Consultations.AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Open && (c.Deadline <= now || (c.ReminderSentAt == null && c.Deadline <= remindFrom)))
            .OrderBy(c => c.Deadline)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var reminded = 0;
        var closed = 0;
        foreach (var id in due)
        {
            var (remindedOne, closedOne) = await HandleAsync(id, cancellationToken);
            reminded += remindedOne ? 1 : 0;
            closed += closedOne ? 1 : 0;
        }

        return (reminded, closed);
    }

    private async Task<(bool Reminded, bool Closed)> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var consultation = await db.Consultations
            .FromSql($"""SELECT *, xmin FROM consultations WHERE "Id" = {id} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);
        if (consultation is not { Status: ConsultationStatus.Open })
        {
            return (false, false);
        }

        if (consultation.Deadline <= now)
        {
            consultation.Close(now);
            audit.Record(null, ActorName, AutoCloseAction, ConsultationAdministration.Subject(id), "The deadline passed");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (false, true);
        }

        if (consultation.ReminderSentAt is not null || consultation.Deadline > now + options.Value.ReminderBeforeDeadline)
        {
            return (false, false);
        }

        var count = await mail.RemindAsync(consultation, cancellationToken);
        consultation.MarkReminderSent(now);
        audit.Record(null, ActorName, ReminderAction, ConsultationAdministration.Subject(id), $"Reminded {count} members");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (true, false);
    }
}
