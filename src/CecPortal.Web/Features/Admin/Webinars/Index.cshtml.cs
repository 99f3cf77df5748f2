using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>The planning overview: upcoming sessions, past ones (paged) and the series; Editors and Admins.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PastPageSize = 20;

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SessionRow> Upcoming { get; private set; } = [];

    public PageOf<SessionRow> Past { get; private set; } = null!;

    public IReadOnlyList<SeriesRow> Series { get; private set; } = [];

    public int SubmittedProposals { get; private set; }

    public sealed record SessionRow(Guid Id, DateTimeOffset StartsAt, string TimeZoneId, string Title, WebinarStatus Status, int Capacity, int Confirmed, int Waiting, bool FromSeries)
    {
        public IReadOnlyList<string> Speakers { get; init; } = [];
    }

    public sealed record SeriesRow(Guid Id, string Title, SeriesRule Rule, int DefaultCapacity, bool IsActive, int UpcomingSessions);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessions = db.WebinarSessions.AsNoTracking();
        var upcoming = await Rows(sessions.Where(s => s.EndsAt > now && s.Status != WebinarStatus.Held).OrderBy(s => s.StartsAt).ThenBy(s => s.Id))
            .ToListAsync(cancellationToken);
        var past = await Rows(sessions.Where(s => s.EndsAt <= now || s.Status == WebinarStatus.Held).OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id))
            .ToPageAsync(PageNumber, PastPageSize, cancellationToken);
        var speakers = await SpeakersAsync([.. upcoming.Select(s => s.Id), .. past.Items.Select(s => s.Id)], cancellationToken);
        Upcoming = [.. upcoming.Select(s => s with { Speakers = speakers[s.Id].ToList() })];
        Past = past with { Items = [.. past.Items.Select(s => s with { Speakers = speakers[s.Id].ToList() })] };

        var series = await db.WebinarSeries.AsNoTracking()
            .OrderByDescending(s => s.IsActive).ThenBy(s => s.Title)
            .Select(s => new
            {
                Series = s,
                Upcoming = db.WebinarSessions.Count(x => x.SeriesId == s.Id && x.EndsAt > now && x.Status != WebinarStatus.Cancelled && x.Status != WebinarStatus.Held),
            })
            .ToListAsync(cancellationToken);
        Series = [.. series.Select(s => new SeriesRow(s.Series.Id, s.Series.Title, s.Series.Rule, s.Series.DefaultCapacity, s.Series.IsActive, s.Upcoming))];
        SubmittedProposals = await db.TalkProposals.CountAsync(p => p.Status == ProposalStatus.Submitted, cancellationToken);
    }

    private IQueryable<SessionRow> Rows(IQueryable<WebinarSession> sessions) =>
        sessions.Select(s => new SessionRow(
            s.Id,
            s.StartsAt,
            s.TimeZoneId,
            s.Title,
            s.Status,
            s.Capacity,
            db.WebinarRegistrations.Count(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Confirmed),
            db.WebinarRegistrations.Count(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Waitlisted),
            s.SeriesId != null));

    private async Task<ILookup<Guid, string>> SpeakersAsync(IReadOnlyList<Guid> sessionIds, CancellationToken cancellationToken)
    {
        var speakers = await db.WebinarSpeakers.AsNoTracking()
            .Where(s => sessionIds.Contains(s.SessionId))
            .OrderBy(s => s.Id)
            .Select(s => new { s.SessionId, Name = s.GuestName ?? db.Users.Where(u => u.Id == s.MemberId).Select(u => u.FullName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return speakers.ToLookup(s => s.SessionId, s => s.Name ?? "(former member)");
    }
}
