using CecPortal.Web.Features.Webinars.Mail;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Markdown;
using Hangfire;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>
/// What staff do to plan webinars: series, one-off sessions, a session's status and speakers, and the call-for-speakers
/// decisions. Every action writes an audit entry in the same save as the change. Changes that affect registrations
/// (details, move, cancel) go through <see cref="WebinarSessionChanges"/>, which locks the session row and tells the
/// people registered; the audit entry joins its unit of work.
/// </summary>
public sealed partial class WebinarAdministration(
    AppDbContext db,
    WebinarSessionChanges changes,
    WebinarPlanner planner,
    AuditLog audit,
    EmailOutbox outbox,
    PortalUrls urls,
    MarkdownRenderer markdown,
    WebinarAnnouncements announcements,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<WebinarAdministration> logger)
{
    public const string CreateSeriesAction = "webinar-series.create";
    public const string EditSeriesAction = "webinar-series.edit";
    public const string PauseSeriesAction = "webinar-series.pause";
    public const string ResumeSeriesAction = "webinar-series.resume";
    public const string CreateSessionAction = "webinar.create";
    public const string DescribeSessionAction = "webinar.describe";
    public const string MoveSessionAction = "webinar.move";
    public const string CancelSessionAction = "webinar.cancel";
    public const string ConfirmSessionAction = "webinar.confirm";
    public const string MarkHeldAction = "webinar.held";
    public const string AnnounceSessionAction = "webinar.announce";
    public const string AddSpeakerAction = "webinar.speaker-add";
    public const string RemoveSpeakerAction = "webinar.speaker-remove";
    public const string AcceptProposalAction = "talk-proposal.accept";
    public const string DeclineProposalAction = "talk-proposal.decline";

    public static string SeriesSubject(Guid id) => $"webinar-series:{id}";

    public static string SessionSubject(Guid id) => $"webinar:{id}";

    public static string ProposalSubject(Guid id) => $"talk-proposal:{id}";

    /// <summary>Creates an active series and plans its next sessions at once; returns its id and how many sessions were planned.</summary>
    public async Task<(Guid Id, int Planned)> CreateSeriesAsync(string title, SeriesRule rule, int defaultCapacity, Actor actor, CancellationToken cancellationToken)
    {
        var series = WebinarSeries.Create(title, rule, defaultCapacity, clock.GetUtcNow());
        db.WebinarSeries.Add(series);
        audit.Record(actor.Id, actor.Name, CreateSeriesAction, SeriesSubject(series.Id), Describe(series));
        await db.SaveChangesAsync(cancellationToken);
        return (series.Id, await planner.TopUpAsync(cancellationToken));
    }

    /// <summary>
    /// Changes the rule, title and default capacity. Sessions already planned keep their time and capacity (they may have
    /// registrations and invitations); the top-up then plans any month the new rule needs that is not planned yet.
    /// </summary>
    public async Task<int> ChangeSeriesAsync(Guid seriesId, string title, SeriesRule rule, int defaultCapacity, Actor actor, CancellationToken cancellationToken)
    {
        var series = await FindSeriesAsync(seriesId, cancellationToken);
        series.Change(title, rule, defaultCapacity);
        audit.Record(actor.Id, actor.Name, EditSeriesAction, SeriesSubject(series.Id), Describe(series));
        await db.SaveChangesAsync(cancellationToken);
        return await planner.TopUpAsync(cancellationToken);
    }

    public async Task PauseSeriesAsync(Guid seriesId, Actor actor, CancellationToken cancellationToken)
    {
        var series = await FindSeriesAsync(seriesId, cancellationToken);
        series.Pause();
        audit.Record(actor.Id, actor.Name, PauseSeriesAction, SeriesSubject(series.Id), series.Title);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Resumes the series and plans the months it missed while paused (from now on).</summary>
    public async Task<int> ResumeSeriesAsync(Guid seriesId, Actor actor, CancellationToken cancellationToken)
    {
        var series = await FindSeriesAsync(seriesId, cancellationToken);
        series.Resume();
        audit.Record(actor.Id, actor.Name, ResumeSeriesAction, SeriesSubject(series.Id), series.Title);
        await db.SaveChangesAsync(cancellationToken);
        return await planner.TopUpAsync(cancellationToken);
    }

    /// <summary>A one-off session at a local date and time in <paramref name="timeZoneId"/>.</summary>
    public async Task<Guid> CreateSessionAsync(string title, DateOnly date, TimeOnly time, string timeZoneId, TimeSpan duration, int capacity, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var startsAt = WallClock.ToUtc(date, time, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        if (startsAt <= now)
        {
            throw new WebinarRuleException("A new session must start in the future.");
        }

        var session = WebinarSession.PlanOneOff(title, startsAt, duration, timeZoneId, capacity, now);
        db.WebinarSessions.Add(session);
        audit.Record(actor.Id, actor.Name, CreateSessionAction, SessionSubject(session.Id), $"{session.Title}: {WebinarAdminText.When(startsAt, timeZoneId)}");
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>Saves the details; returns the member ids promoted from the waiting list because the capacity went up.</summary>
    public Task<IReadOnlyList<string>> DescribeSessionAsync(Guid sessionId, uint expectedVersion, SessionDetails details, Actor actor, CancellationToken cancellationToken) =>
        WithAuditAsync(
            actor,
            DescribeSessionAction,
            sessionId,
            $"{Shorten(details.Title, 150)}; {details.Tlp.Display()}; capacity {details.Capacity}",
            () => changes.DescribeAsync(sessionId, expectedVersion, details, cancellationToken),
            cancellationToken);

    /// <summary>Moves the session to a local date and time in its own zone; returns false when that is where it already was.</summary>
    public async Task<bool> MoveSessionAsync(Guid sessionId, uint expectedVersion, DateOnly date, TimeOnly time, TimeSpan duration, Actor actor, CancellationToken cancellationToken)
    {
        var zoneId = await db.WebinarSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.TimeZoneId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new WebinarRuleException("This session does not exist.");
        var startsAt = WallClock.ToUtc(date, time, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        return await WithAuditAsync(
            actor,
            MoveSessionAction,
            sessionId,
            $"To {WebinarAdminText.When(startsAt, zoneId)}, {(int)duration.TotalMinutes} minutes",
            () => changes.MoveAsync(sessionId, expectedVersion, startsAt, duration, cancellationToken),
            cancellationToken);
    }

    public Task CancelSessionAsync(Guid sessionId, uint expectedVersion, Actor actor, CancellationToken cancellationToken) =>
        WithAuditAsync(
            actor,
            CancelSessionAction,
            sessionId,
            null,
            async () =>
            {
                await changes.CancelAsync(sessionId, expectedVersion, cancellationToken);
                return true;
            },
            cancellationToken);

    public Task ConfirmSessionAsync(Guid sessionId, uint expectedVersion, Actor actor, CancellationToken cancellationToken) =>
        ChangeSessionAsync(sessionId, expectedVersion, actor, ConfirmSessionAction, null, (session, now) => session.Confirm(now), cancellationToken);

    /// <summary>
    /// Stamps the session as announced (once: a second click is refused) and hands the emails to the announcement job;
    /// returns how many members it will reach.
    /// </summary>
    public async Task<int> AnnounceSessionAsync(Guid sessionId, uint expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        await ChangeSessionAsync(sessionId, expectedVersion, actor, AnnounceSessionAction, null, (session, now) => session.Announce(now), cancellationToken);
        var recipients = await announcements.PendingRecipients(sessionId).CountAsync(cancellationToken);
        try
        {
            jobs.Enqueue<WebinarAnnouncements>(job => job.RunAsync(sessionId, CancellationToken.None));
        }
        catch (BackgroundJobClientException ex)
        {
            // The announcement is saved (a second click is refused), so the sweep hands it over instead.
            LogAnnouncementNotEnqueued(logger, ex, sessionId);
        }

        return recipients;
    }

    public Task MarkHeldAsync(Guid sessionId, uint expectedVersion, string? recordingLink, Actor actor, CancellationToken cancellationToken) =>
        ChangeSessionAsync(sessionId, expectedVersion, actor, MarkHeldAction, recordingLink, (session, now) => session.MarkHeld(recordingLink, now), cancellationToken);

    public async Task AddMemberSpeakerAsync(Guid sessionId, string memberId, Actor actor, CancellationToken cancellationToken)
    {
        await EnsureSessionAsync(sessionId, cancellationToken);
        var member = await db.UsersInRole(Roles.Member).AsNoTracking()
            .Where(u => u.Id == memberId)
            .Select(u => new { u.Id, u.FullName })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new WebinarRuleException("There is no such member.");
        if (await db.WebinarSpeakers.AnyAsync(s => s.SessionId == sessionId && s.MemberId == memberId, cancellationToken))
        {
            throw new WebinarRuleException($"{member.FullName} is already a speaker of this session.");
        }

        db.WebinarSpeakers.Add(WebinarSpeaker.Member(sessionId, memberId));
        audit.Record(actor.Id, actor.Name, AddSpeakerAction, SessionSubject(sessionId), $"Member {member.Id}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddGuestSpeakerAsync(Guid sessionId, string name, string? organisation, Actor actor, CancellationToken cancellationToken)
    {
        await EnsureSessionAsync(sessionId, cancellationToken);
        var speaker = WebinarSpeaker.Guest(sessionId, name, organisation);
        db.WebinarSpeakers.Add(speaker);
        audit.Record(actor.Id, actor.Name, AddSpeakerAction, SessionSubject(sessionId), $"Guest {speaker.GuestName}{(speaker.GuestOrganisation is null ? string.Empty : $" ({speaker.GuestOrganisation})")}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveSpeakerAsync(Guid sessionId, long speakerId, Actor actor, CancellationToken cancellationToken)
    {
        var speaker = await db.WebinarSpeakers.SingleOrDefaultAsync(s => s.Id == speakerId && s.SessionId == sessionId, cancellationToken)
            ?? throw new WebinarRuleException("That speaker is no longer listed for this session.");
        db.WebinarSpeakers.Remove(speaker);
        audit.Record(actor.Id, actor.Name, RemoveSpeakerAction, SessionSubject(sessionId), speaker.MemberId is { } memberId ? $"Member {memberId}" : $"Guest {speaker.GuestName}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Accepts the proposal into an upcoming session: the member becomes its speaker, and when the session has no abstract
    /// yet and <paramref name="copyToSession"/> is set, the talk's title and abstract become the session's. The member is
    /// emailed; the email is stored in the same save as the decision.
    /// </summary>
    public async Task AcceptProposalAsync(Guid proposalId, Guid sessionId, bool copyToSession, string? note, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var proposal = await LockProposalAsync(proposalId, cancellationToken);
        var session = await db.WebinarSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new WebinarRuleException("Choose one of the upcoming sessions.");
        if (!session.IsUpcoming(now))
        {
            throw new WebinarRuleException("Choose a session that is still upcoming.");
        }

        proposal.Accept(sessionId, actor.Id, note, now);
        if (!await db.WebinarSpeakers.AnyAsync(s => s.SessionId == sessionId && s.MemberId == proposal.MemberId, cancellationToken))
        {
            db.WebinarSpeakers.Add(WebinarSpeaker.Member(sessionId, proposal.MemberId));
        }

        var copied = copyToSession && string.IsNullOrWhiteSpace(session.AbstractMarkdown);
        if (copied)
        {
            session.Describe(proposal.Title, proposal.AbstractMarkdown, markdown.Render(proposal.AbstractMarkdown), session.Tlp, session.MeetingLink, session.Capacity, now);
        }

        audit.Record(actor.Id, actor.Name, AcceptProposalAction, ProposalSubject(proposal.Id), $"Into {SessionSubject(sessionId)}{(copied ? ", title and abstract copied" : string.Empty)}");
        var member = await RecipientAsync(proposal.MemberId, cancellationToken);
        var zoneId = MemberTimeZones.Resolve(member.TimeZoneId, member.CountryCode);
        List<string> paragraphs =
        [
            $"Hello {member.FullName},",
            $"Thank you for proposing \u201c{proposal.Title}\u201d for the peer webinars. We are glad to accept it: you are a speaker of the session on {WebinarAdminText.When(session.StartsAt, zoneId)} ({zoneId}).",
        ];
        if (proposal.DecisionNote is { } acceptNote)
        {
            paragraphs.Add($"A note from the programme team: {acceptNote}");
        }

        paragraphs.Add("We will be in touch to prepare the session together.");
        QueueEmail(member.Email, "Your webinar talk is accepted", paragraphs);
        await SaveAsync(transaction, cancellationToken);
    }

    /// <summary>Declines the proposal with a note (required), which is emailed to the member.</summary>
    public async Task DeclineProposalAsync(Guid proposalId, string note, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var proposal = await LockProposalAsync(proposalId, cancellationToken);
        proposal.Decline(actor.Id, note, clock.GetUtcNow());
        audit.Record(actor.Id, actor.Name, DeclineProposalAction, ProposalSubject(proposal.Id), proposal.DecisionNote);
        var member = await RecipientAsync(proposal.MemberId, cancellationToken);
        QueueEmail(
            member.Email,
            "About your webinar talk proposal",
            [
                $"Hello {member.FullName},",
                $"Thank you for proposing \u201c{proposal.Title}\u201d for the peer webinars. This time the programme team has decided not to include it.",
                $"Their note: {proposal.DecisionNote}",
                "You are welcome to propose another talk at any time.",
            ]);
        await SaveAsync(transaction, cancellationToken);
    }

    /// <summary>Records the audit entry in the unit of work the session change saves, so both are committed together.</summary>
    private async Task<T> WithAuditAsync<T>(Actor actor, string action, Guid sessionId, string? note, Func<Task<T>> change, CancellationToken cancellationToken)
    {
        audit.Record(actor.Id, actor.Name, action, SessionSubject(sessionId), note);
        try
        {
            var result = await change();

            // Saved by the change already; this only matters if the change found nothing to save.
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task ChangeSessionAsync(Guid sessionId, uint expectedVersion, Actor actor, string action, string? note, Action<WebinarSession, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var session = await db.WebinarSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new WebinarRuleException("This session does not exist.");
        if (session.Version != expectedVersion)
        {
            throw new WebinarRuleException(WebinarSessionChanges.StaleMessage);
        }

        change(session, clock.GetUtcNow());
        audit.Record(actor.Id, actor.Name, action, SessionSubject(sessionId), note);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new WebinarRuleException(WebinarSessionChanges.StaleMessage);
        }
    }

    /// <summary>Commits the decision with its email and audit entry, then hands the email to the delivery job.</summary>
    private async Task SaveAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private void QueueEmail(string email, string subject, IEnumerable<string> paragraphs) =>
        outbox.Add(EmailTemplate.Compose(email, subject, paragraphs, ("See the webinars", urls.Absolute("/webinars"))));

    private async Task<Recipient> RecipientAsync(string memberId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == memberId && u.Email != null)
            .Select(u => new Recipient(u.Email!, u.FullName, u.TimeZoneId, u.CountryCode))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new WebinarRuleException("The member who proposed this talk no longer has an account.");

    private async Task<WebinarSeries> FindSeriesAsync(Guid seriesId, CancellationToken cancellationToken) =>
        await db.WebinarSeries.SingleOrDefaultAsync(s => s.Id == seriesId, cancellationToken)
        ?? throw new WebinarRuleException("This series does not exist.");

    /// <summary>
    /// The proposal, locked until the transaction ends: two members of staff deciding at the same moment are served one
    /// after the other, and the second sees the first decision (the entity then refuses a second one).
    /// </summary>
    private async Task<TalkProposal> LockProposalAsync(Guid proposalId, CancellationToken cancellationToken) =>
        await db.TalkProposals
            .FromSql($"""SELECT * FROM talk_proposals WHERE "Id" = {proposalId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new WebinarRuleException("This proposal does not exist.");

    private async Task EnsureSessionAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await db.WebinarSessions.AnyAsync(s => s.Id == sessionId, cancellationToken))
        {
            throw new WebinarRuleException("This session does not exist.");
        }
    }

    private static string Describe(WebinarSeries series) => $"{Shorten(series.Title, 120)}: {series.Rule.Describe()}, capacity {series.DefaultCapacity}";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "\u2026";

    private sealed record Recipient(string Email, string FullName, string? TimeZoneId, string? CountryCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webinar session {SessionId} was announced but the announcement job could not be enqueued; the announcement sweep will enqueue it.")]
    private static partial void LogAnnouncementNotEnqueued(ILogger logger, Exception exception, Guid sessionId);
}
