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
    /// The topic's messages, oldest first, with their "seen it too" counts (one more query for the whole page). Deleted and
    /// hidden messages keep their place without their text.
    /// </summary>
    public async Task<IReadOnlyList<MessageView>> MessagesAsync(string userId, Guid topicId, CancellationToken cancellationToken)
    {
        var rows = await (from m in access.ReadableMessages(userId)
                          where m.TopicId == topicId
                          orderby m.Seq
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
                         .AsNoTracking()
                         .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var window = options.Value.EditWindow;
        var seen = await sightings.CountsAsync(userId, [.. rows.Select(r => r.Id)], cancellationToken);
        return [.. rows.Select(r =>
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
        })];
    }

    /// <summary>The topic a message belongs to, when the member may read it: the permalink's target.</summary>
    public Task<Guid?> TopicOfAsync(string userId, Guid messageId, CancellationToken cancellationToken) =>
        access.ReadableMessages(userId).Where(m => m.Id == messageId).Select(m => (Guid?)m.TopicId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A message its author is editing: its current text and label, or null when it is not theirs to edit any more.</summary>
    public async Task<Message?> EditableAsync(string userId, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await access.ReadableMessages(userId).AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        return message is not null && message.MayBeEditedBy(userId, options.Value.EditWindow, clock.GetUtcNow()) ? message : null;
    }
}
