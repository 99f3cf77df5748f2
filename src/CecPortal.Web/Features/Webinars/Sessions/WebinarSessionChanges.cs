using CecPortal.Web.Features.Webinars.Mail;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>
/// Staff changes to one session that affect who is registered: details (a higher capacity promotes the first in line),
/// a new time, a cancellation. Each call locks the session row like <see cref="WebinarAttendance"/> does, so a change
/// never interleaves with a registration, and refuses to apply when the session changed since the form was loaded
/// (each method takes the <c>expectedVersion</c>, the <c>xmin</c> the form was rendered with). The registrants' emails
/// (<see cref="WebinarMail"/>) are stored in the same transaction and handed to Hangfire after the commit; a move or a
/// cancellation then reschedules or drops the reminder jobs (<see cref="WebinarReminders"/>).
/// </summary>
public sealed class WebinarSessionChanges(AppDbContext db, MarkdownRenderer markdown, WebinarMail mail, WebinarReminders reminders, TimeProvider clock)
{
    public const string StaleMessage = "Someone else changed this session after you opened it. Reload the page to see their change, then apply yours again.";

    /// <summary>
    /// Saves the details; a new title or meeting link sends confirmed registrants an updated invitation. Returns the member
    /// ids promoted because the capacity went up (in order).
    /// </summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(Guid sessionId, uint expectedVersion, SessionDetails details, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await LockAsync(sessionId, expectedVersion, cancellationToken);
        var previousCapacity = session.Capacity;
        var invitationChanged = session.Describe(details.Title, details.AbstractMarkdown, markdown.Render(details.AbstractMarkdown), details.Tlp, details.MeetingLink, details.Capacity, now);

        IReadOnlyList<string> promoted = [];
        if (session.IsUpcoming(now))
        {
            var rows = await WebinarAttendance.RegistrationRowsAsync(db, sessionId, cancellationToken);
            if (invitationChanged && rows.Any(r => r.Status == RegistrationStatus.Confirmed && r.InvitedSequence is not null))
            {
                // Before the promotions: those promoted get their first invitation, already with the new details.
                session.Reissue(now);
                await mail.DetailsChangedAsync(session, rows, cancellationToken);
            }

            // The stored list obeys the old capacity; the new one promotes from it.
            promoted = WebinarAttendance.ToWaitingList(previousCapacity, rows).WithCapacity(session.Capacity).Promoted;
            WebinarAttendance.Promote(rows, promoted, now);
            await mail.PromotedAsync(session, rows.Where(r => promoted.Contains(r.MemberId, StringComparer.Ordinal)), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted;
    }

    /// <summary>Moves the session to a new start and length; returns false when nothing changed.</summary>
    public async Task<bool> MoveAsync(Guid sessionId, uint expectedVersion, DateTimeOffset startsAt, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (startsAt <= now)
        {
            throw new WebinarRuleException("A session can only be moved to a time in the future.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await LockAsync(sessionId, expectedVersion, cancellationToken);
        var moved = session.Move(startsAt, duration, now);
        if (moved)
        {
            var rows = await WebinarAttendance.RegistrationRowsAsync(db, sessionId, cancellationToken);
            foreach (var row in rows)
            {
                row.Rescheduled();
            }

            await mail.MovedAsync(session, rows, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (moved)
        {
            await reminders.TryEnsureAsync(sessionId, cancellationToken);
        }

        return moved;
    }

    /// <summary>Cancels the session. Registrations stay as they are, so everyone registered can be told.</summary>
    public async Task CancelAsync(Guid sessionId, uint expectedVersion, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await LockAsync(sessionId, expectedVersion, cancellationToken);
        session.Cancel(now);
        if (session.EndsAt > now)
        {
            await mail.SessionCancelledAsync(session, await WebinarAttendance.RegistrationRowsAsync(db, sessionId, cancellationToken), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await reminders.TryEnsureAsync(sessionId, cancellationToken);
    }

    private async Task<WebinarSession> LockAsync(Guid sessionId, uint expectedVersion, CancellationToken cancellationToken)
    {
        var session = await WebinarAttendance.LockSessionAsync(db, sessionId, cancellationToken);
        return session.Version == expectedVersion ? session : throw new WebinarRuleException(StaleMessage);
    }
}
