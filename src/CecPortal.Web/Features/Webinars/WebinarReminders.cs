using Hangfire;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Webinars;

/// <summary>The two reminders of a session.</summary>
public enum ReminderKind
{
    /// <summary>24 hours before the start.</summary>
    Day = 0,

    /// <summary>1 hour before the start.</summary>
    Hour = 1,
}

public static class ReminderKinds
{
    /// <summary>How long before the start the reminder is due.</summary>
    public static TimeSpan Lead(this ReminderKind kind) => kind == ReminderKind.Day ? TimeSpan.FromHours(24) : TimeSpan.FromHours(1);

    /// <summary>When the reminder is due for a session starting at <paramref name="startsAt"/>.</summary>
    public static DateTimeOffset DueFor(this ReminderKind kind, DateTimeOffset startsAt) => startsAt - kind.Lead();

    /// <summary>
    /// True when two instants are the same reminder time. PostgreSQL keeps microseconds and a time set by hand may carry
    /// ticks, so an exact comparison could take a re-read session for a moved one.
    /// </summary>
    public static bool SameInstant(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < TimeSpan.FromSeconds(1);

    /// <summary>
    /// After this instant the reminder is pointless and is not sent: the 24-hour one once the 1-hour one is due, the 1-hour
    /// one once the session has started.
    /// </summary>
    public static DateTimeOffset TooLateAfter(this ReminderKind kind, DateTimeOffset startsAt) =>
        kind == ReminderKind.Day ? ReminderKind.Hour.DueFor(startsAt) : startsAt;
}

/// <summary>
/// The Hangfire job scheduled for one reminder of one session, by the instant it is due: a session that moves gets new jobs
/// and this row tells which job to delete. One row per (session, kind).
/// </summary>
public sealed class WebinarReminder
{
    private WebinarReminder()
    {
    }

    public Guid SessionId { get; private set; }

    public ReminderKind Kind { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public string JobId { get; private set; } = string.Empty;

    public static WebinarReminder Scheduled(Guid sessionId, ReminderKind kind, DateTimeOffset dueAt, string jobId) =>
        new() { SessionId = sessionId, Kind = kind, DueAt = dueAt, JobId = jobId };
}

public sealed class WebinarReminderConfiguration : IEntityTypeConfiguration<WebinarReminder>
{
    public void Configure(EntityTypeBuilder<WebinarReminder> builder)
    {
        builder.ToTable("webinar_reminders");
        builder.HasKey(r => new { r.SessionId, r.Kind });
        builder.Property(r => r.JobId).HasMaxLength(100);
        builder.HasOne<WebinarSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Keeps two Hangfire jobs scheduled per upcoming session, at <c>StartsAt − 24 h</c> and <c>StartsAt − 1 h</c>. Called after
/// every change of time or status (<see cref="WebinarSessionChanges"/>), on registration (<see cref="WebinarAttendance"/>,
/// cheap when nothing is missing) and for every upcoming session by the daily top-up (<see cref="WebinarPlanner"/>), so a
/// session planned by any path, or a change whose rescheduling was lost in a crash, gets its reminders within a day.
/// A job for an instant the session no longer has is deleted; should one run anyway it sees the mismatch and sends nothing.
/// </summary>
public sealed class WebinarReminders(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<WebinarReminders> logger)
{
    private static readonly ReminderKind[] Kinds = [ReminderKind.Day, ReminderKind.Hour];

    /// <summary>
    /// Brings the session's reminder jobs in line with its current start and status. Runs in its own transaction holding the
    /// session row lock, so concurrent calls schedule each job once; call it after the change that caused it was committed.
    /// </summary>
    public async Task EnsureAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await WebinarAttendance.LockSessionAsync(db, sessionId, cancellationToken);
        var rows = await db.WebinarReminders.Where(r => r.SessionId == sessionId).ToListAsync(cancellationToken);
        foreach (var kind in Kinds)
        {
            var row = rows.SingleOrDefault(r => r.Kind == kind);
            var due = session.IsUpcoming(now) && kind.DueFor(session.StartsAt) > now ? kind.DueFor(session.StartsAt) : (DateTimeOffset?)null;
            if (row is not null && due is { } current && ReminderKinds.SameInstant(row.DueAt, current))
            {
                continue;
            }

            if (row is not null)
            {
                // A job still waiting for its time is deleted; one whose time has passed ran (or runs now) and keeps its history.
                if (row.DueAt > now)
                {
                    jobs.Delete(row.JobId);
                }

                db.WebinarReminders.Remove(row);
            }

            if (due is { } dueAt)
            {
                var jobId = jobs.Schedule<SendWebinarRemindersJob>(job => job.RunAsync(sessionId, kind, dueAt, CancellationToken.None), dueAt);
                db.WebinarReminders.Add(WebinarReminder.Scheduled(sessionId, kind, dueAt, jobId));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// True when the session's reminder rows do not match its current start and status: a cheap read without the session
    /// lock, so a registration only pays for <see cref="EnsureAsync"/> when something is missing.
    /// </summary>
    public async Task<bool> AreOutOfDateAsync(WebinarSession session, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.WebinarReminders.AsNoTracking().Where(r => r.SessionId == session.Id).ToListAsync(cancellationToken);
        return Kinds.Any(kind =>
        {
            var row = rows.SingleOrDefault(r => r.Kind == kind);
            var due = session.IsUpcoming(now) && kind.DueFor(session.StartsAt) > now ? kind.DueFor(session.StartsAt) : (DateTimeOffset?)null;
            return due is { } dueAt ? row is null || !ReminderKinds.SameInstant(row.DueAt, dueAt) : row is not null && row.DueAt > now;
        });
    }

    /// <summary>
    /// <see cref="EnsureAsync"/> after a change that is already committed: a failure here must not make the member or
    /// editor believe their change failed, so it is logged and left to the daily top-up, which repairs every session.
    /// </summary>
    public async Task TryEnsureAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureAsync(sessionId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            foreach (var entry in db.ChangeTracker.Entries<WebinarReminder>().ToList())
            {
                entry.State = EntityState.Detached;
            }

            logger.LogWarning(ex, "Reminder jobs of webinar session {SessionId} could not be scheduled now; the daily top-up will retry.", sessionId);
        }
    }

    /// <summary>
    /// <see cref="EnsureAsync"/> for every session whose jobs are missing or out of date: upcoming sessions without both
    /// rows at the right instants, and cancelled or finished sessions that still have rows. Returns how many were fixed.
    /// </summary>
    public async Task<int> EnsureAllAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dayLead = ReminderKind.Day.Lead();
        var hourLead = ReminderKind.Hour.Lead();
        var upcoming = db.WebinarSessions.Where(s => (s.Status == WebinarStatus.Planned || s.Status == WebinarStatus.Confirmed) && s.StartsAt > now);
        var missing = await upcoming
            .Where(s =>
                (s.StartsAt - dayLead > now && !db.WebinarReminders.Any(r => r.SessionId == s.Id && r.Kind == ReminderKind.Day && r.DueAt == s.StartsAt - dayLead)) ||
                (s.StartsAt - hourLead > now && !db.WebinarReminders.Any(r => r.SessionId == s.Id && r.Kind == ReminderKind.Hour && r.DueAt == s.StartsAt - hourLead)))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var obsolete = await db.WebinarReminders
            .Where(r => !upcoming.Any(s => s.Id == r.SessionId))
            .Select(r => r.SessionId)
            .Distinct()
            .ToListAsync(cancellationToken);

        var ids = missing.Concat(obsolete).Distinct().ToList();
        foreach (var id in ids)
        {
            await EnsureAsync(id, cancellationToken);
        }

        return ids.Count;
    }
}

/// <summary>
/// Sends one reminder of one session to its confirmed registrants. Takes ids and the instant it was scheduled for, never
/// personal data. Safe to run twice: each registration is stamped in the same transaction as its email, under the
/// session row lock. Sends nothing when the session was cancelled or moved (a job for an old instant), when it runs too
/// late to make sense, or too early (a job triggered by hand before its time).
/// </summary>
public sealed class SendWebinarRemindersJob(AppDbContext db, WebinarMail mail, WebinarReminders reminders, TimeProvider clock, ILogger<SendWebinarRemindersJob> logger)
{
    /// <summary>How early a run still counts as on time (Hangfire's scheduler polls; clocks differ a little).</summary>
    public static readonly TimeSpan EarlyTolerance = TimeSpan.FromMinutes(5);

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(Guid sessionId, ReminderKind kind, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await WebinarAttendance.TryLockSessionAsync(db, sessionId, cancellationToken);
        if (session is null || !session.IsUpcoming(now))
        {
            return 0;
        }

        if (!ReminderKinds.SameInstant(kind.DueFor(session.StartsAt), dueAt))
        {
            // A job for a time the session no longer has: make sure the right ones exist instead.
            await transaction.CommitAsync(cancellationToken);
            await reminders.EnsureAsync(sessionId, cancellationToken);
            return 0;
        }

        if (now < dueAt - EarlyTolerance || now >= kind.TooLateAfter(session.StartsAt))
        {
            logger.LogInformation("Webinar reminder {Kind} of session {SessionId} not sent: due {DueAt:O}, now {Now:O}.", kind, sessionId, dueAt, now);
            return 0;
        }

        var registrations = await db.WebinarRegistrations
            .Where(r => r.SessionId == sessionId && r.Status == RegistrationStatus.Confirmed)
            .Where(r => kind == ReminderKind.Day ? r.DayReminderSentAt == null : r.HourReminderSentAt == null)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);

        // Someone who got their place after the 24-hour mark just had their confirmation; they get the 1-hour reminder only.
        var due = registrations.Where(r => kind != ReminderKind.Day || (r.PromotedAt ?? r.RegisteredAt) <= dueAt).ToList();
        foreach (var registration in due)
        {
            if (kind == ReminderKind.Day)
            {
                registration.RecordDayReminder(now);
            }
            else
            {
                registration.RecordHourReminder(now);
            }
        }

        var sent = await mail.RemindAsync(session, kind, due, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Webinar reminder {Kind} of session {SessionId} queued for {Count} registrant(s).", kind, sessionId, sent);
        return sent;
    }
}
