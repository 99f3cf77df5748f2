using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Admin.Dashboard;

/// <summary>
/// The figures of the staff dashboard at <c>/admin</c>: members by country and sector, the application pipeline,
/// the age of the vetting queue, the last briefings' deliveries and the next webinars. Every figure is one grouped
/// query (no per-row queries), read without tracking.
/// </summary>
public sealed class StaffDashboard(AppDbContext db, TimeProvider clock, IOptions<BriefingOptions> briefingOptions)
{
    /// <summary>Decided applications count in the pipeline, and in the median, when decided this recently.</summary>
    public static readonly TimeSpan DecisionWindow = TimeSpan.FromDays(365);

    public const int LastBriefings = 7;

    public const int NextWebinars = 5;

    /// <summary>The label of members or applications without a country or sector.</summary>
    public const string NotGiven = "Not given";

    /// <summary>Open statuses of the vetting queue, as in <see cref="MembershipApplication.IsOpen"/>.</summary>
    private static readonly ApplicationStatus[] OpenStatuses = [ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.InformationRequested];

    /// <summary>Where an application stands, in the order it moves; decided stages count the <see cref="DecisionWindow"/> only.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> PipelineStages =
    [
        ApplicationStatus.Unverified,
        ApplicationStatus.Submitted,
        ApplicationStatus.InReview,
        ApplicationStatus.InformationRequested,
        ApplicationStatus.Approved,
        ApplicationStatus.Declined,
        ApplicationStatus.Withdrawn,
    ];

    public sealed record Figures(
        IReadOnlyList<Count> MembersByCountry,
        IReadOnlyList<Count> MembersBySector,
        Pipeline Pipeline,
        IReadOnlyList<QueueAge> QueueByCountry,
        IReadOnlyList<QueueAge> QueueBySector,
        IReadOnlyList<BriefingSend> Briefings,
        IReadOnlyList<UpcomingWebinar> Webinars,
        DateTimeOffset At)
    {
        public int ActiveMembers => MembersByCountry.Sum(c => c.Value);

        public int OpenApplications => QueueByCountry.Sum(q => q.Open);
    }

    /// <summary>A labelled count; <paramref name="Code"/> is null for "not given".</summary>
    public sealed record Count(string? Code, string Label, int Value);

    public sealed record Stage(ApplicationStatus Status, string Label, int Count);

    /// <summary>Applications per stage, and the median days from submission to approval or decline in the window (null without decisions).</summary>
    public sealed record Pipeline(IReadOnlyList<Stage> Stages, int Decisions, double? MedianDaysToDecision);

    /// <summary>Open applications of one country or sector, with their age in days since they entered the queue.</summary>
    public sealed record QueueAge(string? Code, string Label, int Open, double MedianDays, double OldestDays);

    /// <summary>One edition's deliveries; <c>Emailed</c> is false for TLP:RED briefings, which are never emailed.</summary>
    public sealed record BriefingSend(Guid Id, DateOnly EditionDate, string Title, TlpLabel Tlp, bool Emailed, int Sent, int Failed, int Pending);

    public sealed record UpcomingWebinar(Guid Id, string Title, DateTimeOffset StartsAt, string TimeZoneId, WebinarStatus Status, int Capacity, int Confirmed, int Waiting);

    public async Task<Figures> LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // One DbContext runs one query at a time: these stay sequential, each a single grouped statement.
        var byCountry = await MembersByCountryAsync(cancellationToken);
        var bySector = await MembersBySectorAsync(cancellationToken);
        var pipeline = await PipelineAsync(now, cancellationToken);
        var queueByCountry = await QueueAgeAsync(byCountry: true, now, cancellationToken);
        var queueBySector = await QueueAgeAsync(byCountry: false, now, cancellationToken);
        var briefings = await BriefingsAsync(cancellationToken);
        var webinars = await WebinarsAsync(now, cancellationToken);
        return new Figures(byCountry, bySector, pipeline, queueByCountry, queueBySector, briefings, webinars, now);
    }

    /// <summary>Active members (role Member, not suspended, not erased), most first; ties by country name.</summary>
    private async Task<IReadOnlyList<Count>> MembersByCountryAsync(CancellationToken cancellationToken)
    {
        var counts = await ActiveMembers()
            .GroupBy(u => u.CountryCode)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var codes = counts.Where(c => c.Code != null).Select(c => c.Code!).ToList();
        var names = await db.Countries.AsNoTracking()
            .Where(c => codes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        return [.. counts
            .Select(c => new Count(c.Code, c.Code is null ? NotGiven : names.GetValueOrDefault(c.Code, c.Code), c.Count))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Code is null)
            .ThenBy(c => c.Label, StringComparer.CurrentCulture)];
    }

    /// <summary>Every NIS2 sector in the taxonomy's order, with zero where no member works (the gaps matter), then "not given".</summary>
    private async Task<IReadOnlyList<Count>> MembersBySectorAsync(CancellationToken cancellationToken)
    {
        var counts = await ActiveMembers()
            .GroupBy(u => u.SectorCode)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code ?? string.Empty, g => g.Count, cancellationToken);
        var sectors = await db.Sectors.AsNoTracking()
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new { s.Code, s.Name })
            .ToListAsync(cancellationToken);
        var known = sectors.Select(s => new Count(s.Code, s.Name, counts.GetValueOrDefault(s.Code))).ToList();
        var unknown = counts.Where(c => !sectors.Any(s => s.Code == c.Key)).Sum(c => c.Value);
        if (unknown > 0)
        {
            known.Add(new Count(null, NotGiven, unknown));
        }

        return known;
    }

    private IQueryable<PortalUser> ActiveMembers() =>
        db.Users.AsNoTracking().ActiveMembers().Where(u => u.ErasedAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Member)));

    private async Task<Pipeline> PipelineAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - DecisionWindow;
        var counts = await db.MembershipApplications.AsNoTracking()
            .Where(a => a.DecidedAt == null || a.DecidedAt >= since)
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var stages = PipelineStages.Select(s => new Stage(s, StageLabel(s), counts.GetValueOrDefault(s))).ToList();

        var decided = await db.Database.SqlQuery<DecisionTimes>($"""
            SELECT count(*)::int AS "Decisions",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "DecidedAt" - "CreatedAt")::float8) / 86400 AS "MedianDays"
            FROM membership_applications
            WHERE "Status" IN ({(int)ApplicationStatus.Approved}, {(int)ApplicationStatus.Declined}) AND "DecidedAt" >= {since}
            """).SingleAsync(cancellationToken);
        return new Pipeline(stages, decided.Decisions, decided.MedianDays);
    }

    /// <summary>The stage names on the dashboard; decided stages say that they cover the window only.</summary>
    public static string StageLabel(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Unverified => "Awaiting email confirmation",
        ApplicationStatus.Submitted => "Verified, waiting for vetters",
        ApplicationStatus.Approved or ApplicationStatus.Declined or ApplicationStatus.Withdrawn => $"{status.Describe()} (12 months)",
        _ => status.Describe(),
    };

    private async Task<IReadOnlyList<QueueAge>> QueueAgeAsync(bool byCountry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = OpenStatuses.Select(s => (int)s).ToArray();

        // The median needs percentile_cont, which LINQ does not translate; the grouping stays in the database.
        // GROUP BY 1: the grouping column is chosen by a parameter, and a second parameter would not match the first.
        var rows = await db.Database.SqlQuery<QueueAgeRow>($"""
            SELECT CASE WHEN {byCountry} THEN a."CountryCode"::text ELSE a."SectorCode"::text END AS "Code", count(*)::int AS "Open",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM {now} - coalesce(a."VerifiedAt", a."CreatedAt"))::float8) / 86400 AS "MedianDays",
                   extract(epoch FROM {now} - min(coalesce(a."VerifiedAt", a."CreatedAt")))::float8 / 86400 AS "OldestDays"
            FROM membership_applications a
            WHERE a."Status" = ANY({open})
            GROUP BY 1
            """).ToListAsync(cancellationToken);
        var codes = rows.Select(r => r.Code.Trim()).ToList();
        var names = byCountry
            ? await db.Countries.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken)
            : await db.Sectors.AsNoTracking().Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Name, cancellationToken);

        // The longest wait first: that is where vetters are needed.
        return [.. rows
            .Select(r => new QueueAge(r.Code.Trim(), names.GetValueOrDefault(r.Code.Trim(), r.Code.Trim()), r.Open, r.MedianDays, r.OldestDays))
            .OrderByDescending(q => q.OldestDays)
            .ThenBy(q => q.Label, StringComparer.CurrentCulture)];
    }

    /// <summary>The last published editions (today's included) with their delivery ledger and archived counts.</summary>
    private async Task<IReadOnlyList<BriefingSend>> BriefingsAsync(CancellationToken cancellationToken)
    {
        var today = briefingOptions.Value.Today(clock);
        var briefings = await db.Briefings.AsNoTracking()
            .Where(b => (b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent) && b.EditionDate <= today)
            .OrderByDescending(b => b.EditionDate)
            .Take(LastBriefings)
            .Select(b => new { b.Id, b.EditionDate, b.Title, b.Tlp })
            .ToListAsync(cancellationToken);
        var ids = briefings.Select(b => b.Id).ToList();
        var ledger = await db.BriefingDeliveries.AsNoTracking()
            .Where(d => d.BriefingId != null && ids.Contains(d.BriefingId.Value))
            .GroupBy(d => new { d.BriefingId, d.Status })
            .Select(g => new { g.Key.BriefingId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var archived = await db.ArchivedDeliveryCounts.AsNoTracking()
            .Where(a => ids.Contains(a.BriefingId))
            .ToDictionaryAsync(a => a.BriefingId, cancellationToken);

        int Ledger(Guid id, DeliveryStatus status) => ledger.Where(l => l.BriefingId == id && l.Status == status).Sum(l => l.Count);
        return [.. briefings.Select(b => new BriefingSend(
            b.Id, b.EditionDate, b.Title, b.Tlp, b.Tlp.MayBeEmailed(),
            Ledger(b.Id, DeliveryStatus.Sent) + (archived.GetValueOrDefault(b.Id)?.Sent ?? 0),
            Ledger(b.Id, DeliveryStatus.Failed) + (archived.GetValueOrDefault(b.Id)?.Failed ?? 0),
            Ledger(b.Id, DeliveryStatus.Pending)))];
    }

    /// <summary>The next sessions that have not started and are not cancelled, with confirmed and waiting places.</summary>
    private async Task<IReadOnlyList<UpcomingWebinar>> WebinarsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessions = await db.WebinarSessions.AsNoTracking()
            .Where(s => s.StartsAt > now && (s.Status == WebinarStatus.Planned || s.Status == WebinarStatus.Confirmed))
            .OrderBy(s => s.StartsAt)
            .Take(NextWebinars)
            .Select(s => new { s.Id, s.Title, s.StartsAt, s.TimeZoneId, s.Status, s.Capacity })
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var places = await db.WebinarRegistrations.AsNoTracking()
            .Where(r => ids.Contains(r.SessionId) && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => new { r.SessionId, r.Status })
            .Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        int Places(Guid id, RegistrationStatus status) => places.Where(p => p.SessionId == id && p.Status == status).Sum(p => p.Count);
        return [.. sessions.Select(s => new UpcomingWebinar(
            s.Id, s.Title, s.StartsAt, s.TimeZoneId, s.Status, s.Capacity, Places(s.Id, RegistrationStatus.Confirmed), Places(s.Id, RegistrationStatus.Waitlisted)))];
    }

    private sealed record DecisionTimes(int Decisions, double? MedianDays);

    private sealed record QueueAgeRow(string Code, int Open, double MedianDays, double OldestDays);
}
