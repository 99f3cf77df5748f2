using CecPortal.Web.Features.Demo;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Webinars;

/// <summary>
/// Demo webinars built through the entities' own methods: the monthly "CEC peer webinar" series (second Tuesday, 15:00
/// Brussels, 60 minutes, 60 places) planned a year ahead; the next session confirmed with a member speaking and members
/// registered; the one after it full (3 places) with two members waiting; the two latest past sessions held with
/// recordings and the month before cancelled; and three talk proposals (submitted, accepted, declined). Registrations are
/// inserted directly, so no email is sent. Runs once: a database that has any series is left alone.
/// </summary>
public sealed class WebinarDemoData(AppDbContext db, WebinarPlanner planner, MarkdownRenderer markdown, TimeProvider clock)
{
    public const string SeriesTitle = "CEC peer webinar";
    public const string MeetingLink = "https://meet.cec.example/peer-webinar";

    private const string Domain = "@" + DemoSeeder.Domain;
    private const string Speaker = "m.virtanen" + Domain;
    private const string Editor = "editor" + Domain;

    private static readonly string[] NextRegistrants =
        ["member" + Domain, "j.schneider" + Domain, "l.rossi" + Domain, "p.garcia" + Domain, "e.dejong" + Domain, "t.peeters" + Domain, "k.huber" + Domain, "a.lindqvist" + Domain];

    private static readonly string[] FullConfirmed = ["i.hansen" + Domain, "n.meier" + Domain, "d.novak" + Domain];

    private static readonly string[] FullWaiting = ["g.papadopoulos" + Domain, "member" + Domain];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.WebinarSeries.AnyAsync(cancellationToken))
        {
            return;
        }

        var emails = NextRegistrants.Concat(FullConfirmed).Concat(FullWaiting).Append(Speaker).Append(Editor)
            .Append("r.silva" + Domain).Append("s.murphy" + Domain).Distinct().ToList();
        var ids = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        if (ids.Count != emails.Count)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var rule = SeriesRule.Create(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromMinutes(60));
        var series = WebinarSeries.Create(SeriesTitle, rule, 60, now.AddMonths(-6));
        db.WebinarSeries.Add(series);
        AddPastSessions(series, rule, now, ids);
        await db.SaveChangesAsync(cancellationToken);

        await planner.TopUpAsync(cancellationToken);
        var upcoming = await db.WebinarSessions
            .Where(s => s.SeriesId == series.Id && s.StartsAt > now)
            .OrderBy(s => s.StartsAt)
            .Take(2)
            .ToListAsync(cancellationToken);
        if (upcoming.Count < 2)
        {
            return;
        }

        var (next, full) = (upcoming[0], upcoming[1]);
        Describe(next, NextTalk, TlpLabel.Green, MeetingLink, 60, now);
        next.Confirm(now);
        db.WebinarSpeakers.Add(WebinarSpeaker.Member(next.Id, ids[Speaker]));
        Register(next.Id, NextRegistrants.Select(e => ids[e]), RegistrationStatus.Confirmed, now.AddDays(-9));

        Describe(full, FullTalk, TlpLabel.Amber, MeetingLink, 3, now);
        db.WebinarSpeakers.Add(WebinarSpeaker.Guest(full.Id, "Dr. Helena Brandt", "European Cyber Crisis Liaison (guest)"));
        Register(full.Id, FullConfirmed.Select(e => ids[e]), RegistrationStatus.Confirmed, now.AddDays(-6));
        Register(full.Id, FullWaiting.Select(e => ids[e]), RegistrationStatus.Waitlisted, now.AddDays(-3));

        AddProposals(next, ids, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The three latest months whose session is over: the two most recent held with recordings, the one before cancelled.</summary>
    private void AddPastSessions(WebinarSeries series, SeriesRule rule, DateTimeOffset now, Dictionary<string, string> ids)
    {
        var local = WallClock.InZone(now, rule.TimeZone);
        var month = new DateOnly(local.Year, local.Month, 1);
        var past = new List<DateTimeOffset>();
        for (var back = 0; past.Count < 3 && back < 6; back++)
        {
            var candidate = month.AddMonths(-back);
            var start = rule.StartIn(candidate.Year, candidate.Month);
            if (start + rule.Duration < now)
            {
                past.Add(start);
            }
        }

        for (var i = 0; i < past.Count; i++)
        {
            var session = WebinarSession.Plan(series, past[i], past[i].AddDays(-60));
            var talk = PastTalks[i];
            Describe(session, talk, TlpLabel.Amber, MeetingLink, 60, past[i].AddDays(-20));
            if (i < 2)
            {
                session.Confirm(past[i].AddDays(-15));
                session.MarkHeld($"https://recordings.cec.example/peer-webinar/{past[i]:yyyy-MM}", past[i].AddDays(1));
                db.WebinarSpeakers.Add(WebinarSpeaker.Member(session.Id, ids[i == 0 ? "k.huber" + Domain : "t.peeters" + Domain]));
                Register(session.Id, NextRegistrants.Skip(i).Take(5).Select(e => ids[e]), RegistrationStatus.Confirmed, past[i].AddDays(-10));
            }
            else
            {
                session.Cancel(past[i].AddDays(-7));
            }

            db.WebinarSessions.Add(session);
        }
    }

    private void AddProposals(WebinarSession next, Dictionary<string, string> ids, DateTimeOffset now)
    {
        var editorId = ids[Editor];
        var thisMonth = DateOnly.FromDateTime(now.UtcDateTime);
        var firstOfMonth = new DateOnly(thisMonth.Year, thisMonth.Month, 1);

        var accepted = TalkProposal.Submit(ids[Speaker], NextTalk.Title, NextTalk.Abstract, [firstOfMonth.AddMonths(1)], now.AddDays(-30));
        accepted.Accept(next.Id, editorId, "Thank you, Mikko: a perfect fit for the next session.", now.AddDays(-20));

        var submitted = TalkProposal.Submit(
            ids["r.silva" + Domain],
            "OT incident response on the factory floor",
            "What we learned when ransomware reached **production lines**: isolating cells, keeping safety systems up, and talking to the plant managers.\n\n- Segmentation that held\n- What we would do differently",
            [firstOfMonth.AddMonths(3), firstOfMonth.AddMonths(4)],
            now.AddDays(-4));

        var declined = TalkProposal.Submit(
            ids["s.murphy" + Domain],
            "Our new security awareness platform",
            "A walkthrough of the platform we bought and its features.",
            [firstOfMonth.AddMonths(2)],
            now.AddDays(-15));
        declined.Decline(editorId, "Peer webinars share experience rather than products; we would welcome a talk on what changed in behaviour after the campaign.", now.AddDays(-12));

        db.TalkProposals.AddRange(accepted, submitted, declined);
    }

    private void Describe(WebinarSession session, Talk talk, TlpLabel tlp, string? meetingLink, int capacity, DateTimeOffset at) =>
        session.Describe(talk.Title, talk.Abstract, markdown.Render(talk.Abstract), tlp, meetingLink, capacity, at);

    private void Register(Guid sessionId, IEnumerable<string> memberIds, RegistrationStatus status, DateTimeOffset from)
    {
        var at = from;
        foreach (var memberId in memberIds)
        {
            db.WebinarRegistrations.Add(WebinarRegistration.Create(sessionId, memberId, status, at));
            at = at.AddHours(5);
        }
    }

    private sealed record Talk(string Title, string Abstract);

    private static readonly Talk NextTalk = new(
        "Running a sovereign cloud migration without losing sleep",
        "Mikko Virtanen (Suomi Cloud) walks through eighteen months of moving regulated workloads to a European sovereign cloud.\n\n"
        + "- How the **shared responsibility** split was negotiated, clause by clause\n"
        + "- Key management the provider cannot see\n"
        + "- The three incidents during the migration and what they taught the team\n\n"
        + "Bring your questions: the second half is an open discussion.");

    private static readonly Talk FullTalk = new(
        "Tabletop: a coordinated attack on European logistics",
        "A small-group tabletop exercise led by a guest from the crisis liaison network. Places are limited so that everyone can take part.\n\n"
        + "We play through the first 48 hours of an attack on ports and rail freight, from the first alert to the regulator's call.");

    private static readonly Talk[] PastTalks =
    [
        new("Alpine grid: defending OT at altitude", "Katharina Huber on segmenting a regional power network: what worked, what did not, and the **budget conversation**."),
        new("DORA registers in practice", "Tom Peeters shares how a clearing house built its register of ICT third-party arrangements, and the gaps the supervisor found."),
        new("Supply-chain attacks on managed service providers", "Cancelled: the speaker was called into an incident. The talk moves to a later month."),
    ];
}
