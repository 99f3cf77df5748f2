using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using LinqKit;

namespace CecPortal.Web.Features.Home;

/// <summary>
/// The signed-in home's "what needs me today", read in two round trips: the person's channels, then a projection from
/// their own account row with scalar subqueries for every count and four small <c>Take(n)</c> lists. Every part starts
/// from the same rule as the page it links to (<see cref="ChannelAccess.ReadableByRule"/>, <see cref="ReadState.UnreadRule"/>,
/// <see cref="UrgentAlerts.PinnedInRule"/>, the consultation audience, the vetting scope), and counts in SQL: nothing here
/// loads a table to count it. Both statements are compiled queries (the rules inlined by LinqKit's <c>Expand</c>): the
/// home is the page people open most, and building, parameterising and looking up a statement of this size took more
/// of the portal's CPU per request than running it.
/// </summary>
public sealed partial class MemberToday(AppDbContext db, IOptions<BriefingOptions> briefingOptions, TimeProvider clock)
{
    public const int AlertsShown = 5;
    public const int TopicsShown = 3;
    public const int SessionsShown = 3;
    public const int ConsultationsShown = 3;

    /// <summary>How far ahead a consultation counts as "closing" on a policy officer's home.</summary>
    public static readonly TimeSpan ClosingSoon = TimeSpan.FromDays(7);

    /// <summary>How much of a briefing's Markdown is read for its first lines, and how long those may be once plain.</summary>
    private const int ExcerptSource = 800;
    private const int ExcerptLength = 280;

    /// <summary>Unread messages in the given channels (<see cref="ReadState.UnreadRule"/>).</summary>
    private static readonly Expression<Func<AppDbContext, string, List<Guid>, IQueryable<Message>>> UnreadIn = (db, userId, channels) =>
        ReadState.UnreadRule.Invoke(db, userId).Where(m => channels.Contains(m.ChannelId));

    /// <summary>Sessions still to come (planned or confirmed, not ended).</summary>
    private static readonly Expression<Func<AppDbContext, DateTimeOffset, IQueryable<WebinarSession>>> Upcoming = (db, now) =>
        db.WebinarSessions.Where(s => (s.Status == WebinarStatus.Planned || s.Status == WebinarStatus.Confirmed) && s.EndsAt > now);

    /// <summary>The member's registrations that stand (confirmed or in line).</summary>
    private static readonly Expression<Func<AppDbContext, string, IQueryable<WebinarRegistration>>> Mine = (db, userId) =>
        db.WebinarRegistrations.Where(r => r.MemberId == userId && r.Status != RegistrationStatus.Cancelled);

    /// <summary>
    /// Open consultations that invite this member's sector and country (ConsultationAudience's rule) and that they have
    /// not submitted; only members answer (staff who are not members see none, as on the consultations page).
    /// </summary>
    private static readonly Expression<Func<AppDbContext, string, DateTimeOffset, bool, IQueryable<Consultation>>> Unanswered = (db, userId, now, isMember) =>
        db.Consultations.Where(c => isMember && c.Status == ConsultationStatus.Open && c.Deadline > now
            && db.Users.Any(p => p.Id == userId
                && (c.AudienceSectors.Count == 0 || (p.SectorCode != null && c.AudienceSectors.Contains(p.SectorCode)))
                && (c.AudienceCountries.Count == 0 || (p.CountryCode != null && c.AudienceCountries.Contains(p.CountryCode))))
            && !db.ConsultationResponses.Any(r => r.ConsultationId == c.Id && r.MemberId == userId && r.SubmittedAt != null));

    /// <summary>
    /// Round trip 1: who they are to the sharing space: their channels by the one access rule, each with whether it asks
    /// for their attention (their own channels and the open ones they joined, as the sharing space lists them; a muted
    /// channel does not ask), and their organisation for the confirmation banner. The second statement then names the
    /// channels by id: with the rule written out in each of its seven places, PostgreSQL planned and ran it seven times
    /// per page.
    /// </summary>
    private static readonly Expression<Func<AppDbContext, string, CancellationToken, MeRow>> MeStatement = (db, userId, _) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new MeRow(
                u.Organisation,
                ChannelAccess.ReadableByRule.Invoke(db, userId)
                    .Select(c => new ChannelRow(
                        c.Id,
                        c.Name,
                        (c.Kind != ChannelKind.Open || db.ChannelSubscriptions.Any(s => s.ChannelId == c.Id && s.UserId == userId))
                            && !db.ChannelSubscriptions.Any(s => s.ChannelId == c.Id && s.UserId == userId && s.Muted)))
                    .ToList()))
            .Single();

    /// <summary>
    /// Round trip 2, one statement on purpose (AsSingleQuery): the four lists are Take(n) each, so their product stays a
    /// few rows, where split queries would cost a round trip per list. Unread counts in the channels that ask for
    /// attention; mentions count in every channel they may read. Each staff block is read only for its role.
    /// </summary>
    private static readonly Expression<Func<AppDbContext, string, DateTimeOffset, DateOnly, DateTimeOffset, List<Guid>, List<Guid>, bool, bool, bool, bool, bool, bool, CancellationToken, TodayRow>> TodayStatement =
        (db, userId, now, tomorrow, closingBy, attended, readableIds, isMember, canVet, isAdmin, canEdit, canModerate, canConsult, _) =>
            db.Users.AsNoTracking()
                .AsSingleQuery()
                .Where(u => u.Id == userId)
                .Select(u => new TodayRow
                {
                    TimeZoneId = u.TimeZoneId,
                    CountryCode = u.CountryCode,
                    BriefingLastReadOn = u.BriefingLastReadOn,
                    Alerts = UrgentAlerts.PinnedInRule.Invoke(db, db.Channels.Where(c => readableIds.Contains(c.Id)), now, null, null).Take(AlertsShown).ToList(),
                    Briefing = db.Briefings
                        .Where(b => b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent)
                        .OrderByDescending(b => b.EditionDate)
                        .Select(b => new BriefingRow(
                            b.EditionDate,
                            b.Title,
                            b.Tlp,
                            b.Tlp == TlpLabel.AmberStrict || b.Tlp == TlpLabel.Red ? null : b.BodyMarkdown.Substring(0, ExcerptSource)))
                        .FirstOrDefault(),
                    UnreadMessages = UnreadIn.Invoke(db, userId, attended).Count(),
                    UnreadTopics = UnreadIn.Invoke(db, userId, attended).Select(m => m.TopicId).Distinct().Count(),
                    Mentions = ReadState.UnreadRule.Invoke(db, userId)
                        .Count(m => readableIds.Contains(m.ChannelId) && db.MessageMentions.Any(x => x.MessageId == m.Id && x.UserId == userId)),
                    Topics = db.Topics
                        .Where(t => attended.Contains(t.ChannelId) && UnreadIn.Invoke(db, userId, attended).Any(m => m.TopicId == t.Id))
                        .OrderByDescending(t => t.LastMessageSeq)
                        .Take(TopicsShown)
                        .Select(t => new TopicRow(t.Id, t.Subject, t.ChannelId, UnreadIn.Invoke(db, userId, attended).Count(m => m.TopicId == t.Id)))
                        .ToList(),
                    Next = Upcoming.Invoke(db, now)
                        .Where(s => Mine.Invoke(db, userId).Any(r => r.SessionId == s.Id))
                        .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
                        .Select(s => new SessionRow(
                            s.Id,
                            s.Title,
                            s.StartsAt,
                            s.TimeZoneId,
                            s.Tlp,
                            Mine.Invoke(db, userId).Any(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Waitlisted)))
                        .FirstOrDefault(),
                    Open = Upcoming.Invoke(db, now)
                        .Where(s => s.StartsAt > now && !Mine.Invoke(db, userId).Any(r => r.SessionId == s.Id))
                        .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
                        .Take(SessionsShown)
                        .Select(s => new SessionRow(s.Id, s.Title, s.StartsAt, s.TimeZoneId, s.Tlp, false))
                        .ToList(),

                    ConsultationCount = Unanswered.Invoke(db, userId, now, isMember).Count(),
                    Consultations = Unanswered.Invoke(db, userId, now, isMember)
                        .OrderBy(c => c.Deadline).ThenBy(c => c.Id)
                        .Take(ConsultationsShown)
                        .Select(c => new TodayView.ConsultationLine(
                            c.Id, c.Title, c.Deadline, db.ConsultationResponses.Any(r => r.ConsultationId == c.Id && r.MemberId == userId)))
                        .ToList(),

                    // Staff: the same scope rule as /admin/vetting (an Admin sees all; a vetter their countries OR sectors).
                    Applications = canVet
                        ? db.MembershipApplications.Count(a =>
                            (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InReview || a.Status == ApplicationStatus.InformationRequested)
                            && (isAdmin
                                || db.VetterCountries.Any(v => v.UserId == userId && v.CountryCode == a.CountryCode)
                                || db.VetterSectors.Any(v => v.UserId == userId && v.SectorCode == a.SectorCode)))
                        : 0,
                    ProfileChanges = canVet
                        ? db.ProfileReviews.Count(r => r.Status == ProfileReviewStatus.Pending
                            && (isAdmin
                                || (r.NewCountryCode != null && db.VetterCountries.Any(v => v.UserId == userId && v.CountryCode == r.NewCountryCode))
                                || (r.NewSectorCode != null && db.VetterSectors.Any(v => v.UserId == userId && v.SectorCode == r.NewSectorCode))))
                        : 0,
                    BriefingDrafts = canEdit ? db.Briefings.Count(b => b.Status == BriefingStatus.Draft) : 0,
                    Tomorrow = canEdit ? db.Briefings.Where(b => b.EditionDate == tomorrow).Select(b => (BriefingStatus?)b.Status).FirstOrDefault() : null,
                    OpenReports = canModerate ? db.MessageReports.Where(r => r.ResolvedAt == null).Select(r => r.MessageId).Distinct().Count() : 0,
                    ClosingSoon = canConsult ? db.Consultations.Count(c => c.Status == ConsultationStatus.Open && c.Deadline > now && c.Deadline <= closingBy) : 0,
                    ConsultationDrafts = canConsult ? db.Consultations.Count(c => c.Status == ConsultationStatus.Draft) : 0,

                    // The Admin dashboard's counts (membership standing, delivery problems).
                    Due = isAdmin ? db.UsersInRole(Data.Roles.Member).Count(m => m.ErasedAt == null && m.LeftAt == null && m.LapsedAt == null && m.AttestationDueAt <= now) : 0,
                    Lapsed = isAdmin ? db.UsersInRole(Data.Roles.Member).Count(m => m.ErasedAt == null && m.LeftAt == null && m.LapsedAt != null) : 0,
                    Undeliverable = isAdmin ? db.Users.Count(x => x.UndeliverableSince != null && x.ErasedAt == null) : 0,
                })
                .Single();

    private static readonly Func<AppDbContext, string, CancellationToken, Task<MeRow>> MeQuery = EF.CompileAsyncQuery(MeStatement.Expand());

    /// <summary>
    /// <see cref="TodayStatement"/> compiled once per kind of viewer, with what they may do as constants: a block the
    /// person's roles leave out is not in the statement at all (as parameters, every staff count stayed in the SQL that
    /// PostgreSQL plans, and a member's page got slower). There are a handful of kinds (member, each staff role and
    /// their combinations).
    /// </summary>
    private static readonly ConcurrentDictionary<Viewer, Func<AppDbContext, string, DateTimeOffset, DateOnly, DateTimeOffset, List<Guid>, List<Guid>, CancellationToken, Task<TodayRow>>> TodayQueries = new();

    /// <summary>What the person may do, from their claims: decides which blocks are read at all.</summary>
    public sealed record Viewer(bool IsMember, bool CanVet, bool IsAdmin, bool CanEdit, bool CanModerate, bool CanRunConsultations);

    public async Task<TodayView> LoadAsync(string userId, Viewer viewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = briefingOptions.Value.Today(clock);
        var tomorrow = today.AddDays(1);
        var (canVet, isAdmin, canEdit, canModerate, canConsult) =
            (viewer.CanVet, viewer.IsAdmin, viewer.CanEdit, viewer.CanModerate, viewer.CanRunConsultations);

        var me = await MeQuery(db, userId, cancellationToken);
        var channels = me.Channels;
        var readableIds = channels.Select(c => c.Id).ToList();
        var attended = channels.Where(c => c.Attended).Select(c => c.Id).ToList();
        var channelNames = channels.ToDictionary(c => c.Id, c => c.Name);

        var row = await TodayQueries.GetOrAdd(viewer, CompileFor)(db, userId, now, tomorrow, now + ClosingSoon, attended, readableIds, cancellationToken);

        var zone = MemberTimeZones.Resolve(row.TimeZoneId, row.CountryCode);
        var briefing = row.Briefing is { } b
            ? new TodayView.BriefingBlock(b.EditionDate, b.EditionDate == today, b.Title, b.Tlp, b.Source is null ? null : Excerpt(b.Source), row.BriefingLastReadOn >= b.EditionDate)
            : null;
        var sharing = row.UnreadMessages > 0 || row.Mentions > 0
            ? new TodayView.SharingBlock(
                row.UnreadMessages,
                row.UnreadTopics,
                row.Mentions,
                [.. row.Topics.Select(t => new TodayView.TopicLine(t.Id, t.Subject, channelNames[t.ChannelId], t.Unread))])
            : null;
        var next = row.Next is { } n ? new TodayView.SessionLine(n.Id, n.Title, WebinarTimes.Describe(n.StartsAt, zone, n.TimeZoneId), n.Tlp, n.Waitlisted) : null;
        var open = row.Open.Select(s => new TodayView.SessionLine(s.Id, s.Title, WebinarTimes.Describe(s.StartsAt, zone, s.TimeZoneId), s.Tlp, Waitlisted: false)).ToList();
        var staff = new TodayView.StaffBlock(
            canVet ? new TodayView.VettingWork(row.Applications, row.ProfileChanges) : null,
            canEdit ? new TodayView.EditorialWork(row.BriefingDrafts, tomorrow, row.Tomorrow) : null,
            canModerate ? row.OpenReports : null,
            canConsult ? new TodayView.ConsultationWork(row.ClosingSoon, row.ConsultationDrafts) : null,
            isAdmin ? new TodayView.AdminWork(row.Due, row.Lapsed, row.Undeliverable) : null);
        return new TodayView(
            row.Alerts,
            briefing,
            sharing,
            next is null && open.Count == 0 ? null : new TodayView.WebinarsBlock(next, open),
            row.ConsultationCount == 0 ? null : new TodayView.ConsultationsBlock(row.ConsultationCount, row.Consultations),
            staff.IsEmpty ? null : staff)
        {
            Organisation = me.Organisation,
        };
    }

    private static Func<AppDbContext, string, DateTimeOffset, DateOnly, DateTimeOffset, List<Guid>, List<Guid>, CancellationToken, Task<TodayRow>> CompileFor(Viewer viewer)
    {
        Expression<Func<AppDbContext, string, DateTimeOffset, DateOnly, DateTimeOffset, List<Guid>, List<Guid>, CancellationToken, TodayRow>> statement =
            (db, userId, now, tomorrow, closingBy, attended, readableIds, cancellationToken) => TodayStatement.Invoke(
                db, userId, now, tomorrow, closingBy, attended, readableIds,
                viewer.IsMember, viewer.CanVet, viewer.IsAdmin, viewer.CanEdit, viewer.CanModerate, viewer.CanRunConsultations, cancellationToken);
        return EF.CompileAsyncQuery(statement.Expand());
    }

    /// <summary>
    /// The first lines of a briefing as plain text (no Markdown, no HTML), cut at a word: its paragraphs in order, without
    /// headings, lists or tables, so that the lines read as sentences.
    /// </summary>
    public static string Excerpt(string markdown)
    {
        var paragraphs = Markdig.Markdown.Parse(markdown)
            .OfType<Markdig.Syntax.ParagraphBlock>()
            .Select(p => Whitespace().Replace(Markdig.Markdown.ToPlainText(markdown.Substring(p.Span.Start, p.Span.Length)), " ").Trim())
            .Where(p => p.Length > 0);
        var text = string.Join(" ", paragraphs);
        if (text.Length <= ExcerptLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', ExcerptLength);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : ExcerptLength), "…");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record MeRow(string? Organisation, List<ChannelRow> Channels);

    private sealed record ChannelRow(Guid Id, string Name, bool Attended);

    private sealed record BriefingRow(DateOnly EditionDate, string Title, TlpLabel Tlp, string? Source);

    private sealed record TopicRow(Guid Id, string Subject, Guid ChannelId, int Unread);

    private sealed record SessionRow(Guid Id, string Title, DateTimeOffset StartsAt, string TimeZoneId, TlpLabel Tlp, bool Waitlisted);

    private sealed class TodayRow
    {
        public string? TimeZoneId { get; init; }

        public string? CountryCode { get; init; }

        public DateOnly? BriefingLastReadOn { get; init; }

        public required List<PinnedAlert> Alerts { get; init; }

        public BriefingRow? Briefing { get; init; }

        public int UnreadMessages { get; init; }

        public int UnreadTopics { get; init; }

        public int Mentions { get; init; }

        public required List<TopicRow> Topics { get; init; }

        public SessionRow? Next { get; init; }

        public required List<SessionRow> Open { get; init; }

        public int ConsultationCount { get; init; }

        public required List<TodayView.ConsultationLine> Consultations { get; init; }

        public int Applications { get; init; }

        public int ProfileChanges { get; init; }

        public int BriefingDrafts { get; init; }

        public BriefingStatus? Tomorrow { get; init; }

        public int OpenReports { get; init; }

        public int ClosingSoon { get; init; }

        public int ConsultationDrafts { get; init; }

        public int Due { get; init; }

        public int Lapsed { get; init; }

        public int Undeliverable { get; init; }
    }
}
