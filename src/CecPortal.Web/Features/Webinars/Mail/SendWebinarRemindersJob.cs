using CecPortal.Web.Features.Webinars.Registration;
using Hangfire;

namespace CecPortal.Web.Features.Webinars.Mail;

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
