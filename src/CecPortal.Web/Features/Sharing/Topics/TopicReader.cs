using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Sightings;

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
    /// One page of the topic's messages, oldest first: the newest <see cref="SharingOptions.MessagesPerPage"/> of those
    /// before <paramref name="before"/> (a message number; null for the newest page), with their "seen it too" counts
    /// (one more query for the whole page). Deleted and hidden messages keep their place without their text. A long
    /// topic therefore costs a page of messages to show, not the whole thread.
    /// </summary>
    public async Task<TopicPage> MessagesAsync(string userId, Guid topicId, long? before, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.MessagesPerPage;
        var rows = await (from m in access.ReadableMessages(userId)
                          where m.TopicId == topicId && (before == null || m.Seq < before)
                          orderby m.Seq descending
                          select new
                          {
                              m.Id,
                              m.Seq,
                              m.AuthorId,
                              AuthorName = db.Users.Where(u => u.Id == m.AuthorId && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
                              m.Tlp,
                              m.CreatedAt,
                              m.EditedAt,
                              m.DeletedAt,
                              m.HiddenAt,
                              m.BodyHtml,
                          })
                         .Take(pageSize + 1)
                         .AsNoTracking()
                         .ToListAsync(cancellationToken);
        var hasEarlier = rows.Count > pageSize;
        rows = [.. rows.Take(pageSize).Reverse()];
        var now = clock.GetUtcNow();
        var window = options.Value.EditWindow;
        var seen = await sightings.CountsAsync(userId, [.. rows.Select(r => r.Id)], cancellationToken);
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
                SeenItToo = seen[r.Id],
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
}
