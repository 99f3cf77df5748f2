using System.Text;

namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>One server-sent event, ready to write: its id is the message's change number, its data one line of JSON.</summary>
public sealed record LiveEvent(long ChangeSeq, string Type, string Data)
{
    /// <summary>A message to add to the page or to replace in it.</summary>
    public const string MessageType = "message";

    /// <summary>Too much changed while away to patch the page: reload it.</summary>
    public const string ReloadType = "reload";

    /// <summary>
    /// The event as the stream carries it, encoded once: one pushed message goes to every stream that may have it, so
    /// formatting and encoding it per stream would repeat the same work hundreds of times.
    /// </summary>
    public ReadOnlyMemory<byte> Wire { get; } = Encoding.UTF8.GetBytes($"id: {ChangeSeq.ToString(CultureInfo.InvariantCulture)}\nevent: {Type}\ndata: {Data}\n\n");
}
