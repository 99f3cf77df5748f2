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

namespace CecPortal.Web.Features.Home;

/// <summary>
/// The signed-in home's "what needs me today", read in two round trips: the person's channels, then a projection from
/// their own account row with scalar subqueries for every count and four small <c>Take(n)</c> lists. Every part starts
/// from the same rule as the page it links to (<see cref="ChannelAccess"/>, <see cref="ReadState.Unread"/>,
/// <see cref="UrgentAlerts.PinnedIn"/>, the consultation audience, the vetting scope), and counts in SQL: nothing here
/// loads a table to count it.
/// </summary>
public sealed partial class MemberToday(
    AppDbContext db, ChannelAccess access, ReadState reads, IOptions<BriefingOptions> briefingOptions, TimeProvider clock)
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

    /// <summary>What the person may do, from their claims: decides which blocks are read at all.</summary>
    public sealed record Viewer(bool IsMember, bool CanVet, bool IsAdmin, bool CanEdit, bool CanModerate, bool CanRunConsultations);

    public async Task<TodayView> LoadAsync(string userId, Viewer viewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = briefingOptions.Value.Today(clock);
        var tomorrow = today.AddDays(1);
        var closingBy = now + ClosingSoon;
        var (isMember, canVet, isAdmin, canEdit, canModerate, canConsult) =
            (viewer.IsMember, viewer.CanVet, viewer.IsAdmin, viewer.CanEdit, viewer.CanModerate, viewer.CanRunConsultations);

        // Round trip 1: who they are to the sharing space: their channels by the one access rule, each with whether it
        // asks for their attention (their own channels and the open ones they joined, as the sharing space lists them; a
        // muted channel does not ask), and their organisation for the confirmation banner. The statement below then names
        // the channels by id: with the rule written out in each of its seven places, PostgreSQL planned and ran it seven
        // times per page.
        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Organisation,
                Channels = access.ReadableBy(userId)
                    .Select(c => new
                    {
                        c.Id,
                        c.Name,
                        Attended = (c.Kind != ChannelKind.Open || db.ChannelSubscriptions.Any(s => s.ChannelId == c.Id && s.UserId == userId))
                            && !db.ChannelSubscriptions.Any(s => s.ChannelId == c.Id && s.UserId == userId && s.Muted),
                    })
                    .ToList(),
            })
            .SingleAsync(cancellationToken);
        var channels = me.Channels;
        var readableIds = channels.Select(c => c.Id).ToList();
        var attended = channels.Where(c => c.Attended).Select(c => c.Id).ToList();
        var channelNames = channels.ToDictionary(c => c.Id, c => c.Name);

        // Unread in the channels that ask for attention; mentions count in every channel they may read.
        var unread = reads.Unread(userId).Where(m => attended.Contains(m.ChannelId));
        var mentions = reads.Unread(userId)
            .Where(m => readableIds.Contains(m.ChannelId) && db.MessageMentions.Any(x => x.MessageId == m.Id && x.UserId == userId));
        var pinned = UrgentAlerts.PinnedIn(db, db.Channels.Where(c => readableIds.Contains(c.Id)), now);
        var upcoming = db.WebinarSessions
            .Where(s => (s.Status == WebinarStatus.Planned || s.Status == WebinarStatus.Confirmed) && s.EndsAt > now);
        var mine = db.WebinarRegistrations.Where(r => r.MemberId == userId && r.Status != RegistrationStatus.Cancelled);

        // Open consultations that invite this member's sector and country (ConsultationAudience's rule) and that they
        // have not submitted; only members answer (staff who are not members see none, as on the consultations page).
        var unanswered = db.Consultations.Where(c => isMember && c.Status == ConsultationStatus.Open && c.Deadline > now
            && db.Users.Any(p => p.Id == userId
                && (c.AudienceSectors.Count == 0 || (p.SectorCode != null && c.AudienceSectors.Contains(p.SectorCode)))
                && (c.AudienceCountries.Count == 0 || (p.CountryCode != null && c.AudienceCountries.Contains(p.CountryCode))))
            && !db.ConsultationResponses.Any(r => r.ConsultationId == c.Id && r.MemberId == userId && r.SubmittedAt != null));
        var members = db.UsersInRole(Data.Roles.Member).Where(m => m.ErasedAt == null);

        // One statement on purpose (AsSingleQuery): the four lists are Take(n) each, so their product stays a few rows,
        // where split queries would cost a round trip per list.
        var row = await db.Users.AsNoTracking()
            .AsSingleQuery()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.TimeZoneId,
                u.CountryCode,
                u.BriefingLastReadOn,
                Alerts = pinned.Take(AlertsShown).ToList(),
                Briefing = db.Briefings
                    .Where(b => b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent)
                    .OrderByDescending(b => b.EditionDate)
                    .Select(b => new
                    {
                        b.EditionDate,
                        b.Title,
                        b.Tlp,
                        Source = b.Tlp == TlpLabel.AmberStrict || b.Tlp == TlpLabel.Red ? null : b.BodyMarkdown.Substring(0, ExcerptSource),
                    })
                    .FirstOrDefault(),
                UnreadMessages = unread.Count(),
                UnreadTopics = unread.Select(m => m.TopicId).Distinct().Count(),
                Mentions = mentions.Count(),
                Topics = db.Topics
                    .Where(t => attended.Contains(t.ChannelId) && unread.Any(m => m.TopicId == t.Id))
                    .OrderByDescending(t => t.LastMessageSeq)
                    .Take(TopicsShown)
                    .Select(t => new { t.Id, t.Subject, t.ChannelId, Unread = unread.Count(m => m.TopicId == t.Id) })
                    .ToList(),
                Next = upcoming
                    .Where(s => mine.Any(r => r.SessionId == s.Id))
                    .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
                    .Select(s => new
                    {
                        s.Id,
                        s.Title,
                        s.StartsAt,
                        s.TimeZoneId,
                        s.Tlp,
                        Waitlisted = mine.Any(r => r.SessionId == s.Id && r.Status == RegistrationStatus.Waitlisted),
                    })
                    .FirstOrDefault(),
                Open = upcoming
                    .Where(s => s.StartsAt > now && !mine.Any(r => r.SessionId == s.Id))
                    .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
                    .Take(SessionsShown)
                    .Select(s => new { s.Id, s.Title, s.StartsAt, s.TimeZoneId, s.Tlp })
                    .ToList(),

                ConsultationCount = unanswered.Count(),
                Consultations = unanswered
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
                Due = isAdmin ? members.Count(m => m.LeftAt == null && m.LapsedAt == null && m.AttestationDueAt <= now) : 0,
                Lapsed = isAdmin ? members.Count(m => m.LeftAt == null && m.LapsedAt != null) : 0,
                Undeliverable = isAdmin ? db.Users.Count(x => x.UndeliverableSince != null && x.ErasedAt == null) : 0,
            })
            .SingleAsync(cancellationToken);

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
}
