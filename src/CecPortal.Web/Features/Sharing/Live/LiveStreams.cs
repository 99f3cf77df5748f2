using System.Collections.Concurrent;

namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>The event streams open on this instance, one registry per process.</summary>
public sealed class LiveStreams
{
    /// <summary>Streams one member may hold open on one instance (tabs); more is refused rather than exhausting the server.</summary>
    public const int PerMember = 10;

    private readonly ConcurrentDictionary<Guid, LiveStream> _open = new();

    public int Count => _open.Count;

    /// <summary>Registers a stream, or returns null when the member already holds <see cref="PerMember"/> of them.</summary>
    public LiveStream? Open(string userId, Guid? channelId, Guid? topicId)
    {
        if (_open.Values.Count(s => s.UserId == userId) >= PerMember)
        {
            return null;
        }

        var stream = new LiveStream(userId, channelId, topicId);
        _open[stream.Id] = stream;
        return stream;
    }

    public void Remove(LiveStream stream)
    {
        _open.TryRemove(stream.Id, out _);
        stream.Close();
    }

    public IReadOnlyList<LiveStream> All() => [.. _open.Values];

    /// <summary>
    /// Closes the streams that follow any of <paramref name="channelIds"/>, or every channel: after a push that failed,
    /// their browsers reconnect with the last id they received and replay the change from the database.
    /// </summary>
    public void CloseFollowing(IReadOnlyCollection<Guid> channelIds)
    {
        foreach (var stream in _open.Values.Where(s => s.ChannelId is not { } followed || channelIds.Contains(followed)))
        {
            Remove(stream);
        }
    }
}
