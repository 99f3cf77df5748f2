using System.Text.Json;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Sightings;
using CecPortal.Web.Features.Sharing.Topics;

namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>
/// Turns changes into events for this instance's streams: per batch of changes ONE query reads the messages and,
/// through <see cref="ChannelAccess.Readings"/> (the same rule as <see cref="ChannelAccess.ReadersOf"/>), which of the
/// connected members may read each one's channel now; each message is rendered once and queued, in change order, only
/// on those members' streams. Checking on every change is what stops a member removed
/// from a working group, or suspended, from receiving anything more at once; the sweep then closes their streams.
/// </summary>
public sealed class LiveDispatcher(
    AppDbContext db,
    ChannelAccess access,
    LiveMessageRenderer renderer,
    LiveStreams streams,
    MessageSightings sightings,
    IServiceProvider services)
{
    /// <summary>Changes replayed to one reconnecting stream at most; past that its page reloads instead.</summary>
    public const int MaxReplay = 500;

    /// <summary>The tag of the query that reads changes for pushing, to find it in the database's logs and statistics.</summary>
    public const string DispatchTag = "sharing live dispatch";

    public async Task DispatchAsync(IReadOnlyCollection<LiveChange> changes, CancellationToken cancellationToken)
    {
        var open = streams.All();
        if (open.Count == 0 || changes.Count == 0)
        {
            return;
        }

        string[] connected = [.. open.Select(s => s.UserId).Distinct(StringComparer.Ordinal)];
        long[] changeSeqs = [.. changes.Select(c => c.ChangeSeq).Distinct()];
        var readings = access.Readings();
        var rows = await Messages(db.Messages.TagWith(DispatchTag).Where(m => changeSeqs.Contains(m.ChangeSeq)))
            .Select(r => new
            {
                Message = r,
                Readers = readings.Where(p => p.ChannelId == r.ChannelId && connected.Contains(p.UserId)).Select(p => p.UserId).ToList(),
            })
            .ToListAsync(cancellationToken);

        // A change edited again before this batch was read is missing: the later notification carries it.
        var pushed = rows.Where(r => r.Readers.Count > 0).OrderBy(r => r.Message.ChangeSeq).ToList();
        var seen = await sightings.CountsAsync(readerId: null, [.. pushed.Select(r => r.Message.Id).Distinct()], cancellationToken);
        foreach (var row in pushed)
        {
            var html = await renderer.RenderAsync(services, Neutral(row.Message, seen));
            var readers = row.Readers.ToHashSet(StringComparer.Ordinal);
            var forOthers = Event(row.Message, html, mine: false);
            var forAuthor = Event(row.Message, html, mine: true);
            foreach (var stream in open.Where(s => readers.Contains(s.UserId) && s.Follows(row.Message.ChannelId, row.Message.TopicId)))
            {
                stream.Push(stream.UserId == row.Message.AuthorId ? forAuthor : forOthers);
            }
        }
    }

    /// <summary>
    /// The changes after <paramref name="after"/> that the stream's member may read, oldest first; a reload event
    /// instead when there are more than <see cref="MaxReplay"/> (the page is quicker to load than to patch).
    /// </summary>
    public async Task<IReadOnlyList<LiveEvent>> ReplayAsync(LiveStream stream, long after, CancellationToken cancellationToken)
    {
        var changed = access.ReadableMessages(stream.UserId).Where(m => m.ChangeSeq > after);
        if (stream.TopicId is { } topicId)
        {
            changed = changed.Where(m => m.TopicId == topicId);
        }
        else if (stream.ChannelId is { } channelId)
        {
            changed = changed.Where(m => m.ChannelId == channelId);
        }

        var rows = await Messages(changed.OrderBy(m => m.ChangeSeq).Take(MaxReplay + 1)).ToListAsync(cancellationToken);
        if (rows.Count > MaxReplay)
        {
            return [new LiveEvent(rows[^1].ChangeSeq, LiveEvent.ReloadType, "{}")];
        }

        var events = new List<LiveEvent>(rows.Count);
        var seen = await sightings.CountsAsync(readerId: null, [.. rows.Select(r => r.Id)], cancellationToken);
        foreach (var row in rows)
        {
            events.Add(Event(row, await renderer.RenderAsync(services, Neutral(row, seen)), row.AuthorId == stream.UserId));
        }

        return events;
    }

    /// <summary>The highest change number so far: where a page that has just loaded starts following.</summary>
    public async Task<long> CurrentAsync(CancellationToken cancellationToken) =>
        await db.Messages.MaxAsync(m => (long?)m.ChangeSeq, cancellationToken) ?? 0;

    /// <summary>The changes after <paramref name="after"/>, for an instance catching up after its listening connection dropped.</summary>
    public async Task<IReadOnlyList<LiveChange>> ChangesAfterAsync(long after, CancellationToken cancellationToken) =>
        await db.Messages.Where(m => m.ChangeSeq > after).OrderBy(m => m.ChangeSeq)
            .Select(m => new LiveChange(m.ChannelId, m.ChangeSeq))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Closes the streams whose member may no longer read what they follow: suspended, erased, or out of the channel.
    /// A stream that follows every channel is checked against the community channel, which every reader may read.
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var open = streams.All();
        if (open.Count == 0)
        {
            return;
        }

        var community = await db.Channels.Where(c => c.Kind == ChannelKind.Community).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        foreach (var group in open.GroupBy(s => s.ChannelId ?? community))
        {
            string[] users = [.. group.Select(s => s.UserId).Distinct(StringComparer.Ordinal)];
            var readers = group.Key is { } channelId
                ? (await access.ReadersOf(channelId).Where(u => users.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var stream in group.Where(s => !readers.Contains(s.UserId)))
            {
                streams.Remove(stream);
            }
        }
    }

    private IQueryable<LiveMessage> Messages(IQueryable<Message> messages) =>
        messages.AsNoTracking().Select(m => new LiveMessage
        {
            Id = m.Id,
            Seq = m.Seq,
            ChangeSeq = m.ChangeSeq,
            TopicId = m.TopicId,
            ChannelId = m.ChannelId,
            AuthorId = m.AuthorId,
            AuthorName = db.Users.Where(u => u.Id == m.AuthorId && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
            Tlp = m.Tlp,
            CreatedAt = m.CreatedAt,
            EditedAt = m.EditedAt,
            Deleted = m.DeletedAt != null,
            Hidden = m.HiddenAt != null,
            BodyHtml = m.BodyHtml,
        });

    /// <summary>
    /// As any reader sees it: no edit or delete buttons, no text when deleted or hidden, the "seen it too" count without
    /// the reader's own mark (each page keeps its own button).
    /// </summary>
    private static MessageView Neutral(LiveMessage m, IReadOnlyDictionary<Guid, SeenItToo> seen) =>
        new(m.Id, m.Seq, m.AuthorId, m.AuthorName, m.Tlp, m.CreatedAt, m.EditedAt, m.Deleted, m.Hidden, m.Deleted || m.Hidden ? string.Empty : m.BodyHtml, MayEdit: false, MayDelete: false)
        {
            SeenItToo = seen[m.Id],
        };

    private static LiveEvent Event(LiveMessage m, string html, bool mine) =>
        new(m.ChangeSeq, LiveEvent.MessageType, JsonSerializer.Serialize(new LiveEventData(m.ChannelId, m.TopicId, m.Id, m.Seq, mine, html), JsonSerializerOptions.Web));

    /// <summary>A message as pushed; set by member initialization, so queries can go on filtering on its members.</summary>
    private sealed class LiveMessage
    {
        public required Guid Id { get; init; }

        public required long Seq { get; init; }

        public required long ChangeSeq { get; init; }

        public required Guid TopicId { get; init; }

        public required Guid ChannelId { get; init; }

        public required string? AuthorId { get; init; }

        public required string? AuthorName { get; init; }

        public required TlpLabel Tlp { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }

        public required DateTimeOffset? EditedAt { get; init; }

        public required bool Deleted { get; init; }

        public required bool Hidden { get; init; }

        public required string BodyHtml { get; init; }
    }

    /// <summary>
    /// What the page's script receives: where the message belongs, its number (higher than a list's newest: a new
    /// message, one more unread), whether it is the reader's own, and its markup.
    /// </summary>
    private sealed record LiveEventData(Guid Channel, Guid Topic, Guid Message, long Seq, bool Mine, string Html);
}
