using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Sharing.Notifications;

/// <summary>
/// The notification emails of the sharing space. A message is for a member when someone else wrote it, it is neither
/// deleted nor hidden, the member has not read it, the channel is not muted nor set to "nothing" by them, and it
/// mentions them, replies in a topic they started, or is in a channel that notifies them of every message (the
/// default for the community, sector and country channels; joined open channels and working groups by their row).
/// A member gets one email with everything that is for them once one such message is
/// <see cref="SharingOptions.NotifyAfterInactivity"/> old and they have been away for as long, and then no other for
/// <see cref="SharingOptions.NotifyBatchInterval"/>. Whether they may still read each message is decided by
/// <see cref="ChannelAccess"/> when the email is written: a member removed from a group gets nothing from it.
/// </summary>
public sealed partial class SharingDigests(
    AppDbContext db,
    ChannelAccess access,
    EmailOutbox outbox,
    PortalUrls urls,
    IOptions<SharingOptions> options,
    TimeProvider clock,
    ILogger<SharingDigests> logger)
{
    /// <summary>A digest of day-old conversation helps no one (the portal shows it as unread), so nothing older is emailed.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    /// <summary>
    /// Messages younger than this are left for the next email: a message whose transaction took a lower sequence number
    /// but commits later must not fall below <see cref="SharingActivity.NotifiedUpToSeq"/> unseen.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(1);

    private SharingOptions Options => options.Value;

    /// <summary>Writes every digest that is due; returns how many were queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var userId in await DueRecipientsAsync(cancellationToken))
        {
            if (await SendAsync(userId, cancellationToken))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>
    /// The members a digest may be due for: away long enough, not emailed too recently, with a message for them old
    /// enough. A cheap first pass without the read check, which <see cref="SendAsync"/> makes under the member's lock.
    /// </summary>
    public async Task<IReadOnlyList<string>> DueRecipientsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var awaySince = now - Options.NotifyAfterInactivity;
        var lastEmailBefore = now - Options.NotifyBatchInterval;
        var people = Recipients().Where(u => !db.SharingActivity.Any(a => a.UserId == u.Id
            && ((a.LastActiveAt != null && a.LastActiveAt > awaySince) || (a.LastEmailedAt != null && a.LastEmailedAt > lastEmailBefore))));
        return await Pending(db.Messages, people, now - MaxAge, awaySince)
            .Select(p => p.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Queues the member's digest when one is due, in one transaction that holds their activity row: the email goes to
    /// the outbox and the row moves past every message in it, so a second run (here or on another instance, which skips
    /// a row held) sends nothing twice. Returns whether an email was queued.
    /// </summary>
    public async Task<bool> SendAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO sharing_activity ("UserId", "NotifiedUpToSeq") VALUES ({userId}, 0) ON CONFLICT ("UserId") DO NOTHING""",
            cancellationToken);
        var activity = await db.SharingActivity
            .FromSql($"""SELECT * FROM sharing_activity WHERE "UserId" = {userId} FOR UPDATE SKIP LOCKED""")
            .AsTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (activity is null || !activity.MayBeEmailed(now, Options.NotifyAfterInactivity, Options.NotifyBatchInterval))
        {
            return false;
        }

        var recipient = await Recipients().Where(u => u.Id == userId).Select(u => new { Email = u.Email!, u.FullName }).SingleOrDefaultAsync(cancellationToken);
        if (recipient is null)
        {
            return false;
        }

        var pending = await Pending(access.ReadableMessages(userId), Recipients().Where(u => u.Id == userId), now - MaxAge, now - Settle)
            .ToListAsync(cancellationToken);
        if (!pending.Any(p => p.CreatedAt <= now - Options.NotifyAfterInactivity))
        {
            return false;
        }

        var items = await DetailsAsync(pending, cancellationToken);
        outbox.Add(DigestEmail.Compose(recipient.Email, recipient.FullName, items, urls));
        activity.RecordDigest(items.Max(i => i.Seq), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogQueued(logger, userId, items.Count);
        return true;
    }

    /// <summary>People who may be emailed at all: an address that does not bounce, not suspended, not erased.</summary>
    private IQueryable<PortalUser> Recipients() =>
        db.Users.InGoodStanding().Where(u => u.ErasedAt == null && u.Email != null && u.EmailConfirmed)
            .Deliverable();

    /// <summary>The (member, message) pairs that are for the member and not yet in an email, posted between the two instants.</summary>
    private IQueryable<PendingMessage> Pending(IQueryable<Message> messages, IQueryable<PortalUser> people, DateTimeOffset since, DateTimeOffset until) =>
        from m in messages
        where m.CreatedAt >= since && m.CreatedAt <= until && m.DeletedAt == null && m.HiddenAt == null
        from u in people
        where m.AuthorId != u.Id
            && !db.SharingActivity.Any(a => a.UserId == u.Id && a.NotifiedUpToSeq >= m.Seq)
            && !db.TopicReads.Any(r => r.TopicId == m.TopicId && r.UserId == u.Id && r.ReadUpToSeq >= m.Seq)
            && !db.ChannelSubscriptions.Any(s => s.ChannelId == m.ChannelId && s.UserId == u.Id
                && (s.ReadUpToSeq >= m.Seq || s.Muted || s.Notify == NotifyLevel.Nothing))
        let mentioned = db.MessageMentions.Any(x => x.MessageId == m.Id && x.UserId == u.Id)
        let inOwnTopic = db.Topics.Any(t => t.Id == m.TopicId && t.StartedById == u.Id)
        where mentioned
            || inOwnTopic
            || db.ChannelSubscriptions.Any(s => s.ChannelId == m.ChannelId && s.UserId == u.Id && s.Notify == NotifyLevel.All)
            || (!db.ChannelSubscriptions.Any(s => s.ChannelId == m.ChannelId && s.UserId == u.Id)
                && db.Channels.Any(c => c.Id == m.ChannelId && (c.Kind == ChannelKind.Community || c.Kind == ChannelKind.Sector || c.Kind == ChannelKind.Country)))
        select new PendingMessage { UserId = u.Id, MessageId = m.Id, CreatedAt = m.CreatedAt, Mentioned = mentioned, InOwnTopic = inOwnTopic };

    private async Task<IReadOnlyList<DigestItem>> DetailsAsync(IReadOnlyList<PendingMessage> pending, CancellationToken cancellationToken)
    {
        var ids = pending.Select(p => p.MessageId).ToList();
        var rows = await (from m in db.Messages.AsNoTracking()
                          where ids.Contains(m.Id)
                          join c in db.Channels on m.ChannelId equals c.Id
                          join t in db.Topics on m.TopicId equals t.Id
                          select new
                          {
                              m.Id,
                              m.Seq,
                              Channel = c.Name,
                              c.Slug,
                              t.Subject,
                              Author = db.Users.Where(u => u.Id == m.AuthorId && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
                              m.Tlp,
                              m.BodyMarkdown,
                              m.CreatedAt,
                          })
            .ToListAsync(cancellationToken);
        var reasons = pending.ToDictionary(p => p.MessageId);
        return [.. rows.OrderBy(r => r.Seq).Select(r => new DigestItem(
            r.Id, r.Seq, r.Channel, r.Slug, r.Subject, r.Author, r.Tlp, r.BodyMarkdown, r.CreatedAt, reasons[r.Id].Mentioned, reasons[r.Id].InOwnTopic))];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sharing notification email queued for user {UserId} with {Count} message(s).")]
    private static partial void LogQueued(ILogger logger, string userId, int count);

    private sealed class PendingMessage
    {
        public required string UserId { get; init; }

        public required Guid MessageId { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }

        public required bool Mentioned { get; init; }

        public required bool InOwnTopic { get; init; }
    }
}
