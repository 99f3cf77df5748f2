using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Webinars;

public sealed record SpeakerView(string Name, string? Organisation)
{
    public override string ToString() => Organisation is null ? Name : $"{Name} ({Organisation})";
}

/// <summary>Where the member stands for a session: confirmed, n-th in line, or not registered.</summary>
public sealed record MemberPlace(RegistrationStanding Standing, int? PositionInLine)
{
    public static readonly MemberPlace None = new(RegistrationStanding.NotRegistered, null);

    public bool IsRegistered => Standing != RegistrationStanding.NotRegistered;
}

/// <summary>The zone a member reads times in, and whether they chose it or it comes from their country.</summary>
public sealed record MemberZone(string ZoneId, bool Chosen)
{
    public string Label => WebinarTimes.ZoneLabel(ZoneId);
}

/// <summary>An upcoming (or upcoming but cancelled) session in the list.</summary>
public sealed record SessionSummary(
    Guid Id,
    string Title,
    SessionTime Time,
    WebinarStatus Status,
    TlpLabel Tlp,
    IReadOnlyList<SpeakerView> Speakers,
    int PlacesLeft,
    int Waiting,
    MemberPlace Place)
{
    public bool IsCancelled => Status == WebinarStatus.Cancelled;
}

public sealed record PastSession(Guid Id, string Title, SessionTime Time, TlpLabel Tlp, IReadOnlyList<SpeakerView> Speakers, string? RecordingLink);

/// <summary>One session as its page shows it to one member; <see cref="MeetingLink"/> is set only for a confirmed place.</summary>
public sealed record SessionPage(
    Guid Id,
    string Title,
    string AbstractHtml,
    SessionTime Time,
    TimeSpan Duration,
    WebinarStatus Status,
    TlpLabel Tlp,
    IReadOnlyList<SpeakerView> Speakers,
    int Capacity,
    int PlacesLeft,
    int Waiting,
    MemberPlace Place,
    bool RegistrationOpen,
    string? MeetingLink,
    string? RecordingLink);

/// <summary>
/// The member side of the webinars, read only: the upcoming list with places and the member's own standing, the
/// past sessions with recordings, and one session's page. Times are written in the member's zone.
/// </summary>
public sealed class WebinarSchedule(AppDbContext db, TimeProvider clock)
{
    public const int PastPageSize = 10;

    public async Task<MemberZone?> MemberZoneAsync(string memberId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == memberId)
            .Select(u => new { u.TimeZoneId, u.CountryCode })
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? null : new MemberZone(MemberTimeZones.Resolve(user.TimeZoneId, user.CountryCode), MemberTimeZones.IsKnown(user.TimeZoneId));
    }

    /// <summary>
    /// The webinars page: sessions that have not ended yet, soonest first (cancelled ones included so members see what
    /// was called off), and a page of the sessions that were held, newest first, with their recordings. The speakers of
    /// both are read in one query.
    /// </summary>
    public async Task<(IReadOnlyList<SessionSummary> Upcoming, PageOf<PastSession> Past)> OverviewAsync(string memberId, string zoneId, int pastPage, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.WebinarSessions.AsNoTracking()
            .Where(s => s.EndsAt > now && s.Status != WebinarStatus.Held)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Title, s.StartsAt, s.TimeZoneId, s.Status, s.Tlp, s.Capacity })
            .ToListAsync(cancellationToken);
        var past = await db.WebinarSessions.AsNoTracking()
            .Where(s => s.Status == WebinarStatus.Held)
            .OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Title, s.StartsAt, s.TimeZoneId, s.Tlp, s.RecordingLink })
            .ToPageAsync(pastPage, PastPageSize, cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var speakers = await SpeakersAsync([.. ids, .. past.Items.Select(s => s.Id)], cancellationToken);
        var places = await PlacesAsync(ids, memberId, cancellationToken);
        IReadOnlyList<SessionSummary> upcoming = [.. sessions.Select(s =>
        {
            var place = places.GetValueOrDefault(s.Id) ?? Places.Empty;
            return new SessionSummary(
                s.Id,
                s.Title,
                WebinarTimes.Describe(s.StartsAt, zoneId, s.TimeZoneId),
                s.Status,
                s.Tlp,
                speakers.GetValueOrDefault(s.Id) ?? [],
                Math.Max(0, s.Capacity - place.Confirmed),
                place.Waiting,
                place.Member);
        })];
        var held = new PageOf<PastSession>(
            [.. past.Items.Select(s => new PastSession(
                s.Id, s.Title, WebinarTimes.Describe(s.StartsAt, zoneId, s.TimeZoneId), s.Tlp, speakers.GetValueOrDefault(s.Id) ?? [], SafeLink(s.RecordingLink)))],
            past.Number,
            past.Size,
            past.TotalCount);
        return (upcoming, held);
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

    private sealed record Places(int Confirmed, int Waiting, MemberPlace Member)
    {
        public static readonly Places Empty = new(0, 0, MemberPlace.None);
    }
}
