using CecPortal.Web.Features.Webinars.Mail;
using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Webinars.Registration;

/// <summary>
/// Members registering for and cancelling their place in a session. Each call locks the session row
/// (<c>SELECT ... FOR UPDATE</c>) for its transaction, so two members taking the last place at the same moment are
/// served one after the other: one is confirmed, the other waits. The rules themselves live in <see cref="WaitingList"/>.
/// The emails (<see cref="WebinarMail"/>) are stored in the same transaction and handed to Hangfire after the commit, and
/// the session's reminder jobs are checked after it (<see cref="WebinarReminders.EnsureAsync"/>).
/// </summary>
public sealed class WebinarAttendance(AppDbContext db, WebinarMail mail, WebinarReminders reminders, TimeProvider clock)
{
    public async Task<AttendanceChange> RegisterAsync(Guid sessionId, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await LockSessionAsync(sessionId, cancellationToken);
        if (!session.IsUpcoming(now) || session.StartsAt <= now)
        {
            throw new WebinarRuleException(session.Status == WebinarStatus.Cancelled
                ? "This session was cancelled."
                : "Registration has closed: this session has started or is over.");
        }

        var result = (await WaitingListAsync(db, session, cancellationToken)).Register(memberId);
        var position = result.List.PositionInLine(memberId);
        if (!result.AlreadyRegistered)
        {
            var status = result.Standing == RegistrationStanding.Confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
            var registration = (await TrackedRowsAsync(db, sessionId, [memberId], cancellationToken)).SingleOrDefault();
            if (registration is null)
            {
                registration = WebinarRegistration.Create(sessionId, memberId, status, now);
                db.WebinarRegistrations.Add(registration);
            }
            else
            {
                registration.Reregister(status, now);
            }

            await (status == RegistrationStatus.Confirmed
                ? mail.ConfirmedAsync(session, registration, cancellationToken)
                : mail.WaitlistedAsync(session, registration, position ?? 1, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (await reminders.AreOutOfDateAsync(session, cancellationToken))
        {
            await reminders.TryEnsureAsync(sessionId, cancellationToken);
        }

        return new AttendanceChange(result.Standing, !result.AlreadyRegistered, position, []);
    }

    /// <summary>Cancels the member's place (or their place in line); the freed place goes to the first in line.</summary>
    public async Task<AttendanceChange> CancelAsync(Guid sessionId, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await LockSessionAsync(sessionId, cancellationToken);
        var change = (await WaitingListAsync(db, session, cancellationToken)).Cancel(memberId);
        if (change.PreviousStanding == RegistrationStanding.NotRegistered)
        {
            await transaction.CommitAsync(cancellationToken);
            return new AttendanceChange(RegistrationStanding.NotRegistered, false, null, []);
        }

        var promoted = session.IsUpcoming(now) ? change.Promoted : [];
        var rows = await TrackedRowsAsync(db, sessionId, [memberId, .. promoted], cancellationToken);
        var registration = rows.Single(r => r.MemberId == memberId);
        registration.Cancel(now);
        Promote(rows, promoted, now);
        if (session.IsUpcoming(now))
        {
            await mail.RegistrationCancelledAsync(session, registration, change.PreviousStanding == RegistrationStanding.Confirmed, cancellationToken);
            await mail.PromotedAsync(session, rows.Where(r => promoted.Contains(r.MemberId, StringComparer.Ordinal)), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AttendanceChange(RegistrationStanding.NotRegistered, true, null, promoted);
    }

    /// <summary>
    /// Locks the session row until the caller's transaction ends and returns it tracked. <c>xmin</c> is selected by name
    /// because <c>SELECT *</c> leaves out system columns and EF maps the concurrency token to it.
    /// </summary>
    internal static async Task<WebinarSession> LockSessionAsync(AppDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        await TryLockSessionAsync(db, sessionId, cancellationToken)
        ?? throw new WebinarRuleException("This session does not exist.");

    /// <summary><see cref="LockSessionAsync(AppDbContext, Guid, CancellationToken)"/>, or null when the session is gone.</summary>
    internal static Task<WebinarSession?> TryLockSessionAsync(AppDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        db.WebinarSessions
            .FromSql($"""SELECT *, xmin FROM webinar_sessions WHERE "Id" = {sessionId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The session's waiting list as the pure rules see it, read as a light projection: a popular session has thousands of
    /// rows, and each registration waits for the session lock, so nothing is tracked that is not changed.
    /// </summary>
    internal static async Task<WaitingList> WaitingListAsync(AppDbContext db, WebinarSession session, CancellationToken cancellationToken)
    {
        var places = await db.WebinarRegistrations.AsNoTracking()
            .Where(r => r.SessionId == session.Id && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new Place(r.Id, r.MemberId, r.Status, r.RegisteredAt, r.PromotedAt))
            .ToListAsync(cancellationToken);
        return ToWaitingList(session.Capacity, places);
    }

    /// <summary>The registration rows of these members for the session, tracked (missing members have none).</summary>
    internal static Task<List<WebinarRegistration>> TrackedRowsAsync(AppDbContext db, Guid sessionId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken) =>
        db.WebinarRegistrations
            .Where(r => r.SessionId == sessionId && memberIds.Contains(r.MemberId))
            .ToListAsync(cancellationToken);

    /// <summary>Every registration row of the session (cancelled ones too, so a member registering again re-uses theirs), tracked.</summary>
    internal static Task<List<WebinarRegistration>> RegistrationRowsAsync(AppDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        db.WebinarRegistrations
            .Where(r => r.SessionId == sessionId)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The stored rows as the pure rules see them: confirmed in the order they got their place, then the line.</summary>
    internal static WaitingList ToWaitingList(int capacity, IEnumerable<WebinarRegistration> rows) =>
        ToWaitingList(capacity, rows.Select(r => new Place(r.Id, r.MemberId, r.Status, r.RegisteredAt, r.PromotedAt)));

    private static WaitingList ToWaitingList(int capacity, IEnumerable<Place> places)
    {
        var live = places.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
        var confirmed = live.Where(r => r.Status == RegistrationStatus.Confirmed)
            .OrderBy(r => r.PromotedAt ?? r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => r.MemberId);
        var waiting = live.Where(r => r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => r.MemberId);
        return WaitingList.Create(capacity, confirmed, waiting);
    }

    internal static void Promote(IEnumerable<WebinarRegistration> rows, IReadOnlyList<string> promoted, DateTimeOffset now)
    {
        foreach (var row in rows.Where(r => promoted.Contains(r.MemberId, StringComparer.Ordinal)))
        {
            row.Promote(now);
        }
    }

    private Task<WebinarSession> LockSessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        LockSessionAsync(db, sessionId, cancellationToken);

    /// <summary>What the waiting-list rules need of one registration.</summary>
    private sealed record Place(long Id, string MemberId, RegistrationStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset? PromotedAt);
}
