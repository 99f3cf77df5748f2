using System.Linq.Expressions;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Sightings;
using LinqKit;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>Reading a topic and finding a message, each through <see cref="ChannelAccess"/>: what the member may not read is null.</summary>
public sealed class TopicReader(AppDbContext db, ChannelAccess access, IOptions<SharingOptions> options, TimeProvider clock, MessageSightings sightings)
{
    public Task<TopicView?> FindAsync(string userId, Guid topicId, CancellationToken cancellationToken) =>
        (from t in access.ReadableTopics(userId)
         join c in db.Channels on t.ChannelId equals c.Id
         where t.Id == topicId
         select new TopicView(t.Id, t.Subject, c.Id, c.Slug, c.Name, c.Kind, c.DefaultTlp))
        .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// <see cref="ReadAsync"/>'s statement, compiled (the access rule inlined by LinqKit's <c>Expand</c>): the page runs
    /// for every member who opens a topic, and building and parameterising its tree on each request cost more than
    /// PostgreSQL spent running it.
    /// </summary>
    private static readonly Expression<Func<AppDbContext, string, Guid, long?, int, CancellationToken, ReadingRow?>> ReadStatement =
        (db, userId, topicId, before, take, _) =>
            (from t in ChannelAccess.ReadableTopicsRule.Invoke(db, userId)
             join c in db.Channels on t.ChannelId equals c.Id
             where t.Id == topicId
             select new ReadingRow(
                 new TopicView(t.Id, t.Subject, c.Id, c.Slug, c.Name, c.Kind, c.DefaultTlp),
                 db.Messages.Max(m => (long?)m.ChangeSeq) ?? 0,
                 db.TopicReads.Where(r => r.TopicId == t.Id && r.UserId == userId).Select(r => (long?)r.ReadUpToSeq).FirstOrDefault() ?? 0,
                 db.Messages
                     .Where(m => m.TopicId == t.Id && (before == null || m.Seq < before))
                     .OrderByDescending(m => m.Seq)
                     .Take(take)
                     .Select(m => new MessageRow(
                         m.Id,
                         m.Seq,
                         m.AuthorId,
                         db.Users.Where(u => u.Id == m.AuthorId && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
                         m.Tlp,
                         m.CreatedAt,
                         m.EditedAt,
                         m.DeletedAt,
                         m.HiddenAt,
                         m.BodyHtml,
                         db.MessageSightings.Any(x => x.MessageId == m.Id)))
                     .ToList()))
            .AsNoTracking()
            .AsSingleQuery()
            .FirstOrDefault();

    private static readonly Func<AppDbContext, string, Guid, long?, int, CancellationToken, Task<ReadingRow?>> ReadQuery =
        EF.CompileAsyncQuery(ReadStatement.Expand());

    /// <summary>
    /// A topic's page: the topic with its channel, the last change number (read in the same snapshot as the messages, so
    /// the live stream replays exactly what comes after them), the member's read mark, and one page of messages (the newest
    /// <see cref="SharingOptions.MessagesPerPage"/> before <paramref name="before"/>, a message number; null for the newest
    /// page; deleted and hidden messages keep their place without their text), in ONE round trip; a second reads the "seen
    /// it too" counts, only when a message on the page has any. Null when the member may not read the topic (or there is none).
    /// </summary>
    public async Task<TopicReading?> ReadAsync(string userId, Guid topicId, long? before, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.MessagesPerPage;
        if (await ReadQuery(db, userId, topicId, before, pageSize + 1, cancellationToken) is not { } row)
        {
            return null;
        }

        return new TopicReading(row.Topic, await PageOfAsync(userId, row.Messages, pageSize, cancellationToken), row.LiveAfter, row.ReadUpTo);
    }

    /// <summary>The page from its rows (newest first, one more than a page when earlier ones exist), with the "seen it too" counts of the messages that have any.</summary>
    private async Task<TopicPage> PageOfAsync(string userId, List<MessageRow> rows, int pageSize, CancellationToken cancellationToken)
    {
        var hasEarlier = rows.Count > pageSize;
        rows = [.. rows.Take(pageSize).Reverse()];
        var now = clock.GetUtcNow();
        var window = options.Value.EditWindow;
        var sighted = rows.Where(r => r.Sighted).Select(r => r.Id).ToList();
        var seen = sighted.Count == 0 ? new Dictionary<Guid, SeenItToo>() : await sightings.CountsAsync(userId, sighted, cancellationToken);
        var nobody = SeenItToo.None with { SeenByMe = false };
        return new TopicPage([.. rows.Select(r =>
        {
            var gone = r.DeletedAt is not null || r.HiddenAt is not null;
            var mine = r.AuthorId is not null && r.AuthorId == userId;
            return new MessageView(
                r.Id,
                r.Seq,
                r.AuthorId,
                r.AuthorName,
                r.Tlp,
                r.CreatedAt,
                r.EditedAt,
                r.DeletedAt is not null,
                r.HiddenAt is not null,
                gone ? string.Empty : r.BodyHtml,
                mine && !gone && now - r.CreatedAt <= window,
                mine && r.DeletedAt is null)
            {
                SeenItToo = seen.GetValueOrDefault(r.Id) ?? nobody,
            };
        })], hasEarlier);
    }

    /// <summary>
    /// Where a message is shown, when the member may read it: its topic, and the page (<c>before</c>) when it is older than
    /// the newest page; the permalink's target.
    /// </summary>
    public async Task<(Guid TopicId, long? Before)?> PlaceOfAsync(string userId, Guid messageId, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.MessagesPerPage;
        var place = await access.ReadableMessages(userId).Where(m => m.Id == messageId)
            .Select(m => new { m.TopicId, m.Seq, Newer = db.Messages.Count(n => n.TopicId == m.TopicId && n.Seq > m.Seq) })
            .FirstOrDefaultAsync(cancellationToken);
        return place is null ? null : (place.TopicId, place.Newer < pageSize ? null : place.Seq + 1);
    }

    /// <summary>A message its author is editing: its current text and label, or null when it is not theirs to edit any more.</summary>
    public async Task<Message?> EditableAsync(string userId, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await access.ReadableMessages(userId).AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        return message is not null && message.MayBeEditedBy(userId, options.Value.EditWindow, clock.GetUtcNow()) ? message : null;
    }

    /// <summary>What <see cref="ReadStatement"/> reads: the topic, the last change, the member's read mark and the page's rows, newest first.</summary>
    private sealed record ReadingRow(TopicView Topic, long LiveAfter, long ReadUpTo, List<MessageRow> Messages);

    /// <summary>A message as read for its topic's page; <see cref="Sighted"/>: someone marked "seen it too" (its counts are read next).</summary>
    private sealed record MessageRow(
        Guid Id, long Seq, string? AuthorId, string? AuthorName, TlpLabel Tlp, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
        DateTimeOffset? DeletedAt, DateTimeOffset? HiddenAt, string BodyHtml, bool Sighted);
}
