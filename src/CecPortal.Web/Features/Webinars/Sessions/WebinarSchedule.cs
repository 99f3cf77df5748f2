using CecPortal.Web.Features.Webinars.Calendars;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>
/// The member side of the webinars, read only: the upcoming list with places and the member's own standing, the
/// past sessions with recordings, and one session's page. Times are written in the member's zone.
/// </summary>
public sealed class WebinarSchedule(AppDbContext db, TimeProvider clock)
{
    public const int PastPageSize = 10;

    /// <summary>The member's zone and the sessions of the webinars page, compiled: the page members open most after their home.</summary>
    private static readonly Func<AppDbContext, string, DateTimeOffset, int, int, CancellationToken, Task<OverviewRow?>> OverviewQuery =
        EF.CompileAsyncQuery((AppDbContext db, string memberId, DateTimeOffset now, int skip, int take, CancellationToken _) => db.Users
            .AsNoTracking()
            .AsSingleQuery()
            .Where(u => u.Id == memberId)
            .Select(u => new OverviewRow(
                u.TimeZoneId,
                u.CountryCode,
                db.WebinarSessions.Count(s => s.Status == WebinarStatus.Held),
                db.WebinarSessions
                    .Where(s => (s.EndsAt > now && s.Status != WebinarStatus.Held)
                        || db.WebinarSessions.Where(p => p.Status == WebinarStatus.Held)
                            .OrderByDescending(p => p.StartsAt).ThenBy(p => p.Id)
                            .Skip(skip).Take(take)
                            .Select(p => p.Id)
                            .Contains(s.Id))
                    .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
                    .Select(s => new OverviewSession(
                        s.Id,
                        s.Title,
                        s.StartsAt,
                        s.TimeZoneId,
                        s.Status,
                        s.Tlp,
                        s.Capacity,
                        s.RecordingLink,
                        db.WebinarRegistrations.Count(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Confirmed),
                        db.WebinarRegistrations.Count(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Waitlisted),
                        db.WebinarRegistrations.Where(r => r.SessionId == s.Id && r.MemberId == memberId && r.Status != RegistrationStatus.Cancelled)
                            .Select(r => (RegistrationStatus?)r.Status).FirstOrDefault(),
                        db.WebinarRegistrations.Where(o => o.SessionId == s.Id && o.MemberId == memberId && o.Status == RegistrationStatus.Waitlisted)
                            .Select(o => db.WebinarRegistrations.Count(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Waitlisted
                                && (r.RegisteredAt < o.RegisteredAt || (r.RegisteredAt == o.RegisteredAt && r.Id < o.Id))))
                            .FirstOrDefault(),
                        db.WebinarSpeakers.Where(p => p.SessionId == s.Id)
                            .OrderBy(p => p.Id)
                            .Select(p => new OverviewSpeaker(
                                p.MemberId != null ? db.Users.Where(m => m.Id == p.MemberId).Select(m => m.FullName).FirstOrDefault() : p.GuestName,
                                p.MemberId != null ? db.Users.Where(m => m.Id == p.MemberId).Select(m => m.Organisation).FirstOrDefault() : p.GuestOrganisation))
                            .ToList()))
                    .ToList()))
            .FirstOrDefault());

    public async Task<MemberZone?> MemberZoneAsync(string memberId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == memberId)
            .Select(u => new { u.TimeZoneId, u.CountryCode })
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? null : new MemberZone(MemberTimeZones.Resolve(user.TimeZoneId, user.CountryCode), MemberTimeZones.IsKnown(user.TimeZoneId));
    }

    /// <summary>
    /// The webinars page in ONE round trip, from the member's own row (their zone): sessions that have not ended yet,
    /// soonest first (cancelled ones included so members see what was called off), and a page of the sessions that were
    /// held, newest first, with their recordings; each with its speakers, and the upcoming ones with their places counted
    /// in SQL and the member's own standing (their number in line in FIFO order). Null when the member is unknown.
    /// </summary>
    public async Task<WebinarOverview?> OverviewAsync(string memberId, int pastPage, CancellationToken cancellationToken)
    {
        var number = Math.Max(1, pastPage);
        var row = await OverviewQuery(db, memberId, clock.GetUtcNow(), (number - 1) * PastPageSize, PastPageSize, cancellationToken);
        if (row is null)
        {
            return null;
        }

        // A page past the end shows the last one, as every pager does (a second query, only for such a link).
        var last = Math.Max(1, (row.PastTotal + PastPageSize - 1) / PastPageSize);
        if (number > last)
        {
            return await OverviewAsync(memberId, last, cancellationToken);
        }

        var zone = new MemberZone(MemberTimeZones.Resolve(row.TimeZoneId, row.CountryCode), MemberTimeZones.IsKnown(row.TimeZoneId));
        var zoneId = zone.ZoneId;
        static IReadOnlyList<SpeakerView> Speakers(OverviewSession s) =>
            [.. s.Speakers.Where(p => p.Name is not null).Select(p => new SpeakerView(p.Name!, p.Organisation))];
        IReadOnlyList<SessionSummary> upcoming = [.. row.Sessions.Where(s => s.Status != WebinarStatus.Held).Select(s => new SessionSummary(
            s.Id,
            s.Title,
            WebinarTimes.Describe(s.StartsAt, zoneId, s.TimeZoneId),
            s.Status,
            s.Tlp,
            Speakers(s),
            Math.Max(0, s.Capacity - s.Confirmed),
            s.Waiting,
            s.OwnStatus switch
            {
                null => MemberPlace.None,
                RegistrationStatus.Confirmed => new MemberPlace(RegistrationStanding.Confirmed, null),
                _ => new MemberPlace(RegistrationStanding.Waitlisted, s.Ahead + 1),
            }))];
        var held = new PageOf<PastSession>(
            [.. row.Sessions.Where(s => s.Status == WebinarStatus.Held).OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id).Select(s => new PastSession(
                s.Id, s.Title, WebinarTimes.Describe(s.StartsAt, zoneId, s.TimeZoneId), s.Tlp, Speakers(s), SafeLink(s.RecordingLink)))],
            number,
            PastPageSize,
            row.PastTotal);
        return new WebinarOverview(zone, upcoming, held);
    }

    public async Task<SessionPage?> SessionAsync(Guid sessionId, string memberId, string zoneId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = await db.WebinarSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var speakers = await SpeakersAsync([sessionId], cancellationToken);
        var place = (await PlacesAsync([sessionId], memberId, cancellationToken)).GetValueOrDefault(sessionId) ?? Places.Empty;
        var confirmed = place.Member.Standing == RegistrationStanding.Confirmed;
        return new SessionPage(
            session.Id,
            session.Title,
            session.AbstractHtml,
            WebinarTimes.Describe(session.StartsAt, zoneId, session.TimeZoneId),
            session.EndsAt - session.StartsAt,
            session.Status,
            session.Tlp,
            speakers.GetValueOrDefault(sessionId) ?? [],
            session.Capacity,
            Math.Max(0, session.Capacity - place.Confirmed),
            place.Waiting,
            place.Member,
            session.IsUpcoming(now) && session.StartsAt > now,
            confirmed && session.Status != WebinarStatus.Cancelled ? SafeLink(session.MeetingLink) : null,
            session.Status == WebinarStatus.Held ? SafeLink(session.RecordingLink) : null);
    }

    /// <summary>
    /// The session as a calendar event for a member with a confirmed place (meeting link included), or null when the
    /// session is unknown or the member has no confirmed place.
    /// </summary>
    public async Task<WebinarEvent?> CalendarEventAsync(Guid sessionId, string memberId, Func<Guid, string> sessionUrl, CancellationToken cancellationToken)
    {
        var confirmed = await db.WebinarRegistrations.AsNoTracking()
            .AnyAsync(r => r.SessionId == sessionId && r.MemberId == memberId && r.Status == RegistrationStatus.Confirmed, cancellationToken);
        if (!confirmed)
        {
            return null;
        }

        var events = await WebinarFeedEvents.ReadAsync(db.WebinarSessions.AsNoTracking().Where(s => s.Id == sessionId), sessionUrl, cancellationToken);
        return events.SingleOrDefault();
    }

    /// <summary>Links staff typed are shown only when they are http(s) or mailto, like links in Markdown.</summary>
    private static string? SafeLink(string? url) => MarkdownRenderer.IsSafeUrl(url) ? url : null;

    private async Task<Dictionary<Guid, IReadOnlyList<SpeakerView>>> SpeakersAsync(List<Guid> sessionIds, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
        {
            return [];
        }

        var rows = await db.WebinarSpeakers.AsNoTracking()
            .Where(s => sessionIds.Contains(s.SessionId))
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.SessionId,
                Name = s.MemberId != null ? db.Users.Where(u => u.Id == s.MemberId).Select(u => u.FullName).FirstOrDefault() : s.GuestName,
                Organisation = s.MemberId != null ? db.Users.Where(u => u.Id == s.MemberId).Select(u => u.Organisation).FirstOrDefault() : s.GuestOrganisation,
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Name is not null)
            .GroupBy(r => r.SessionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SpeakerView>)[.. g.Select(r => new SpeakerView(r.Name!, r.Organisation))]);
    }

    /// <summary>Confirmed and waiting counts per session, and the member's own place (their number in line in FIFO order).</summary>
    private async Task<Dictionary<Guid, Places>> PlacesAsync(List<Guid> sessionIds, string memberId, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
        {
            return [];
        }

        var rows = await db.WebinarRegistrations.AsNoTracking()
            .Where(r => sessionIds.Contains(r.SessionId) && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new { r.SessionId, r.MemberId, r.Status })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.SessionId).ToDictionary(g => g.Key, g =>
        {
            var waiting = g.Where(r => r.Status == RegistrationStatus.Waitlisted).Select(r => r.MemberId).ToList();
            var own = g.FirstOrDefault(r => r.MemberId == memberId);
            var member = own switch
            {
                null => MemberPlace.None,
                { Status: RegistrationStatus.Confirmed } => new MemberPlace(RegistrationStanding.Confirmed, null),
                _ => new MemberPlace(RegistrationStanding.Waitlisted, waiting.IndexOf(memberId) + 1),
            };
            return new Places(g.Count(r => r.Status == RegistrationStatus.Confirmed), waiting.Count, member);
        });
    }

    private sealed record OverviewRow(string? TimeZoneId, string? CountryCode, int PastTotal, List<OverviewSession> Sessions);

    private sealed record OverviewSession(
        Guid Id,
        string Title,
        DateTimeOffset StartsAt,
        string TimeZoneId,
        WebinarStatus Status,
        TlpLabel Tlp,
        int Capacity,
        string? RecordingLink,
        int Confirmed,
        int Waiting,
        RegistrationStatus? OwnStatus,
        int Ahead,
        List<OverviewSpeaker> Speakers);

    private sealed record OverviewSpeaker(string? Name, string? Organisation);

    private sealed record Places(int Confirmed, int Waiting, MemberPlace Member)
    {
        public static readonly Places Empty = new(0, 0, MemberPlace.None);
    }
}
