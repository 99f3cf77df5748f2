using System.Threading.Channels;

namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>
/// One open event stream on this instance: whose it is, what it follows (a topic, a channel, or every channel its member
/// may read), and a bounded queue of events for it. A reader too slow to keep up is closed rather than fed with gaps:
/// its browser reconnects with the last id it received and replays the rest from the database.
/// </summary>
public sealed class LiveStream
{
    /// <summary>Events waiting to be written; beyond this the stream is closed (and replays on reconnect).</summary>
    public const int QueueCapacity = 256;

    private readonly Channel<LiveEvent> _queue = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public LiveStream(string userId, Guid? channelId, Guid? topicId)
    {
        UserId = userId;
        ChannelId = channelId;
        TopicId = topicId;
    }

    public Guid Id { get; } = Guid.CreateVersion7();

    public string UserId { get; }

    /// <summary>The channel followed (a followed topic's channel too); null when the stream follows every readable channel.</summary>
    public Guid? ChannelId { get; }

    public Guid? TopicId { get; }

    public ChannelReader<LiveEvent> Events => _queue.Reader;

    public bool Follows(Guid channelId, Guid topicId) =>
        (ChannelId is null || ChannelId == channelId) && (TopicId is null || TopicId == topicId);

    /// <summary>Queues an event; a full queue closes the stream instead of dropping the event.</summary>
    public void Push(LiveEvent liveEvent)
    {
        if (!_queue.Writer.TryWrite(liveEvent))
        {
            Close();
        }
    }

    /// <summary>Ends the stream once the events already queued are written.</summary>
    public void Close() => _queue.Writer.TryComplete();
}
