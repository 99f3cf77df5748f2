using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Sharing.Moderation;

/// <summary>
/// The moderators' side of reports (the <c>Moderation</c> policy guards the pages that call it): the queue, one reported
/// message with its history, and the actions: hide or show again, dismiss the reports, mute the author in the channel for a
/// while. A moderator reaches a message only through its reports: a message nobody reported is not theirs to open. Every
/// action writes an audit entry in the same save, naming messages, channels and people by id only.
/// </summary>
public sealed class MessageModeration(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string HideAction = "message.hide";
    public const string UnhideAction = "message.unhide";
    public const string DismissAction = "message.reports-dismiss";
    public const string SilenceAction = "channel.member-silence";
    public const string UnsilenceAction = "channel.member-unsilence";

    /// <summary>How long a moderator may mute an author in a channel: a cooling-off hour up to a month.</summary>
    public static readonly IReadOnlyList<TimeSpan> SilenceDurations = [TimeSpan.FromHours(1), TimeSpan.FromHours(24), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];

    /// <summary>Resolved reports shown under the open ones, newest first.</summary>
    public const int RecentlyResolved = 50;

    /// <summary>
    /// The queue: every message with an open report, the longest waiting first; then the messages whose reports were all
    /// closed, most recent first (at most <see cref="RecentlyResolved"/>).
    /// </summary>
    public async Task<IReadOnlyList<ReportedMessageSummary>> QueueAsync(CancellationToken cancellationToken)
    {
        var groups = from r in db.MessageReports
                     group r by r.MessageId into g
                     select new
                     {
                         MessageId = g.Key,
                         Open = g.Count(r => r.ResolvedAt == null),
                         All = g.Count(),
                         FirstOpen = g.Where(r => r.ResolvedAt == null).Min(r => (DateTimeOffset?)r.CreatedAt),
                         First = g.Min(r => r.CreatedAt),
                         Last = g.Max(r => r.CreatedAt),
                         LastResolved = g.Max(r => r.ResolvedAt),
                     };
        var rows = from g in groups
                   join m in db.Messages on g.MessageId equals m.Id
                   join t in db.Topics on m.TopicId equals t.Id
                   join c in db.Channels on m.ChannelId equals c.Id
                   select new { g, c.Name, t.Subject, Hidden = m.HiddenAt != null, Deleted = m.DeletedAt != null };
        var open = await rows.Where(x => x.g.Open > 0).OrderBy(x => x.g.FirstOpen).AsNoTracking().ToListAsync(cancellationToken);
        var closed = await rows.Where(x => x.g.Open == 0).OrderByDescending(x => x.g.LastResolved).Take(RecentlyResolved).AsNoTracking().ToListAsync(cancellationToken);
        var ids = open.Concat(closed).Select(x => x.g.MessageId).ToList();
        var reasons = (await db.MessageReports.AsNoTracking().Where(r => ids.Contains(r.MessageId)).Select(r => new { r.MessageId, r.Reason }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(r => r.MessageId, r => r.Reason);
        return [.. open.Concat(closed).Select(x => new ReportedMessageSummary(
            x.g.MessageId, x.Name, x.Subject, x.g.Open, x.g.All, [.. reasons[x.g.MessageId].Order()], x.g.First, x.g.Last, x.Hidden, x.Deleted))];
    }

    /// <summary>One reported message for the moderator, or null when nobody has reported it.</summary>
    public async Task<ModerationCase?> CaseAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var reports = await (from r in db.MessageReports.AsNoTracking()
                             where r.MessageId == messageId
                             orderby r.ResolvedAt == null descending, r.CreatedAt
                             select new ModerationCase.Report(
                                 r.Id,
                                 db.Users.Where(u => u.Id == r.ReporterId && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
                                 r.Reason,
                                 r.Note,
                                 r.ReportedBody,
                                 r.ReportedTlp,
                                 r.CreatedAt,
                                 r.ResolvedAt,
                                 db.Users.Where(u => u.Id == r.ResolvedById && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
                                 r.Resolution))
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return null;
        }

        var message = await (from m in db.Messages.AsNoTracking()
                             join t in db.Topics on m.TopicId equals t.Id
                             join c in db.Channels on m.ChannelId equals c.Id
                             where m.Id == messageId
                             select new
                             {
                                 m.Id,
                                 ChannelId = c.Id,
                                 ChannelName = c.Name,
                                 c.Slug,
                                 t.Subject,
                                 m.AuthorId,
                                 AuthorName = db.Users.Where(u => u.Id == m.AuthorId && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
                                 m.Tlp,
                                 m.CreatedAt,
                                 m.EditedAt,
                                 m.DeletedAt,
                                 m.HiddenAt,
                                 HiddenByName = db.Users.Where(u => u.Id == m.HiddenById && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
                                 m.HiddenReason,
                                 m.BodyMarkdown,
                                 m.BodyHtml,
                                 SilencedUntil = db.ChannelSubscriptions.Where(s => s.ChannelId == c.Id && s.UserId == m.AuthorId).Select(s => s.SilencedUntil).FirstOrDefault(),
                             })
            .SingleAsync(cancellationToken);
        var revisions = await db.MessageRevisions.AsNoTracking()
            .Where(r => r.MessageId == messageId)
            .OrderBy(r => r.ReplacedAt)
            .Select(r => new ModerationCase.Revision(r.BodyMarkdown, r.Tlp, r.ReplacedAt))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new ModerationCase(
            message.Id, message.ChannelId, message.ChannelName, message.Slug, message.Subject, message.AuthorId, message.AuthorName, message.Tlp,
            message.CreatedAt, message.EditedAt, message.DeletedAt, message.HiddenAt, message.HiddenByName, message.HiddenReason,
            message.BodyMarkdown, message.BodyHtml, message.SilencedUntil > now ? message.SilencedUntil : null, revisions, reports);
    }

    /// <summary>Hides the message (kept for the audit, shown as hidden) and closes its open reports as acted upon.</summary>
    public async Task HideAsync(Guid messageId, string reason, Actor moderator, CancellationToken cancellationToken)
    {
        var message = await ReportedMessageAsync(messageId, cancellationToken);
        var now = clock.GetUtcNow();
        message.Hide(moderator, reason, now);
        var closed = await CloseOpenReportsAsync(messageId, ReportResolution.MessageHidden, moderator, now, cancellationToken);
        audit.Record(moderator, HideAction, MessageReporting.Subject(messageId), $"{closed} open report(s) closed");
        await SaveAsync(cancellationToken);
    }

    /// <summary>Shows a hidden message again; its closed reports stay closed.</summary>
    public async Task UnhideAsync(Guid messageId, Actor moderator, CancellationToken cancellationToken)
    {
        var message = await ReportedMessageAsync(messageId, cancellationToken);
        message.Unhide();
        audit.Record(moderator, UnhideAction, MessageReporting.Subject(messageId));
        await SaveAsync(cancellationToken);
    }

    /// <summary>Closes the message's open reports without acting on the message.</summary>
    public async Task DismissAsync(Guid messageId, Actor moderator, CancellationToken cancellationToken)
    {
        await ReportedMessageAsync(messageId, cancellationToken);
        var closed = await CloseOpenReportsAsync(messageId, ReportResolution.Dismissed, moderator, clock.GetUtcNow(), cancellationToken);
        if (closed == 0)
        {
            throw new SharingRuleException("This message has no open reports to dismiss.");
        }

        audit.Record(moderator, DismissAction, MessageReporting.Subject(messageId), $"{closed} open report(s) closed");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Mutes the message's author in its channel for <paramref name="duration"/> (one of <see cref="SilenceDurations"/>):
    /// they may still read it, not post. The author's settings row is made if they have none, except in a working group,
    /// where a row is the membership: an author no longer in the group has nothing to be muted in.
    /// </summary>
    public async Task<DateTimeOffset> SilenceAuthorAsync(Guid messageId, TimeSpan duration, Actor moderator, CancellationToken cancellationToken)
    {
        if (!SilenceDurations.Contains(duration))
        {
            throw new SharingRuleException("Choose how long the mute lasts.", "Duration");
        }

        var message = await ReportedMessageAsync(messageId, cancellationToken);
        var authorId = message.AuthorId ?? throw new SharingRuleException("The author of this message is a former member; there is nobody to mute.");
        var now = clock.GetUtcNow();
        var subscription = await db.ChannelSubscriptions.FirstOrDefaultAsync(s => s.ChannelId == message.ChannelId && s.UserId == authorId, cancellationToken);
        if (subscription is null)
        {
            var kind = await db.Channels.Where(c => c.Id == message.ChannelId).Select(c => c.Kind).SingleAsync(cancellationToken);
            if (kind == ChannelKind.WorkingGroup)
            {
                throw new SharingRuleException("The author is no longer in this working group; there is nothing to mute them in.");
            }

            subscription = ChannelSubscription.Join(message.ChannelId, authorId, now);
            db.ChannelSubscriptions.Add(subscription);
        }

        var until = now + duration;
        subscription.Silence(until, now);
        audit.Record(moderator, SilenceAction, ChannelAdministration.Subject(message.ChannelId), $"{SecurityEvents.UserSubject(authorId)} until {until.UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'}; {MessageReporting.Subject(messageId)}");
        await db.SaveChangesAsync(cancellationToken);
        return until;
    }

    /// <summary>Lifts the author's mute in the message's channel before it ends.</summary>
    public async Task UnsilenceAuthorAsync(Guid messageId, Actor moderator, CancellationToken cancellationToken)
    {
        var message = await ReportedMessageAsync(messageId, cancellationToken);
        var now = clock.GetUtcNow();
        var subscription = await db.ChannelSubscriptions.FirstOrDefaultAsync(s => s.ChannelId == message.ChannelId && s.UserId == message.AuthorId, cancellationToken);
        if (subscription is null || !subscription.IsSilenced(now))
        {
            throw new SharingRuleException("The author is not muted in this channel.");
        }

        subscription.Unsilence();
        audit.Record(moderator, UnsilenceAction, ChannelAdministration.Subject(message.ChannelId), $"{SecurityEvents.UserSubject(message.AuthorId!)}; {MessageReporting.Subject(messageId)}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The message, tracked, when somebody has reported it; a moderator has no business with any other.</summary>
    private async Task<Message> ReportedMessageAsync(Guid messageId, CancellationToken cancellationToken) =>
        await db.Messages.Where(m => m.Id == messageId && db.MessageReports.Any(r => r.MessageId == m.Id)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new SharingRuleException("There is no report of this message.");

    private async Task<int> CloseOpenReportsAsync(Guid messageId, ReportResolution resolution, Actor moderator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.MessageReports.Where(r => r.MessageId == messageId && r.ResolvedAt == null).ToListAsync(cancellationToken);
        open.ForEach(r => r.Resolve(moderator, resolution, now));
        return open.Count;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new SharingRuleException("The message changed meanwhile (an edit, or another moderator). Look at it again before you act.");
        }
    }
}
