using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Webinars.Registration;

namespace CecPortal.Web.Features.Webinars.Calendars;

/// <summary>
/// A member's personal webinar calendar (ICS) subscription. The token works like the briefing feed's
/// (<see cref="FeedToken"/>: 32 random bytes, only its SHA-256 stored), with its own column so either can be revoked alone.
/// </summary>
public sealed class CalendarSubscription(UserManager<PortalUser> users, AppDbContext db, WebinarCalendar calendar, PortalUrls urls, TimeProvider clock)
{
    /// <summary>How far back the feed keeps sessions, so a calendar still shows the last few months.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(92);

    public const string CalendarName = "CEC peer webinars";

    public static string PathOf(string token) => "/webinars/calendar/" + token + ".ics";

    public async Task<bool> HasTokenAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.CalendarTokenHash != null, cancellationToken);

    /// <summary>Creates a new token, replacing (and so invalidating) any earlier one; returns the token, shown once.</summary>
    public async Task<string?> ReplaceTokenAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var token = FeedToken.Generate();
        user.ReplaceCalendarToken(FeedToken.Hash(token));
        return (await users.UpdateAsync(user)).Succeeded ? token : null;
    }

    public async Task<bool> RevokeTokenAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        user.RevokeCalendarToken();
        return (await users.UpdateAsync(user)).Succeeded;
    }

    /// <summary>
    /// The ICS feed opened by <paramref name="token"/>: the sessions its owner holds a confirmed place in, upcoming and of
    /// the last few months; null for an unknown or revoked token, a suspended account or one without a member or staff role.
    /// </summary>
    public async Task<string?> FeedAsync(string? token, CancellationToken cancellationToken)
    {
        if (!FeedToken.IsWellFormed(token))
        {
            return null;
        }

        var hash = FeedToken.Hash(token!);
        string[] readerRoles = [.. Roles.Staff, Roles.Member];
        var memberId = await db.Users.AsNoTracking().InGoodStanding()
            .Where(u => u.CalendarTokenHash == hash)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && readerRoles.Contains(r.Name!))))
            .Select(u => u.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (memberId is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var since = now - History;
        var sessions = db.WebinarSessions.AsNoTracking()
            .Where(s => s.EndsAt > since)
            .Where(s => db.WebinarRegistrations.Any(r => r.SessionId == s.Id && r.MemberId == memberId && r.Status == RegistrationStatus.Confirmed));
        var events = await WebinarFeedEvents.ReadAsync(sessions, id => urls.Absolute(WebinarPaths.Session(id)), cancellationToken);
        return calendar.Feed(CalendarName, events, now);
    }
}
