using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using Hangfire;

namespace CecPortal.Web.Features.Webinars.Mail;

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
