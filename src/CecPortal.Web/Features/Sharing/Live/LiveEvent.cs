namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>One server-sent event, ready to write: its id is the message's change number, its data one line of JSON.</summary>
public sealed record LiveEvent(long ChangeSeq, string Type, string Data)
{
    /// <summary>A message to add to the page or to replace in it.</summary>
    public const string MessageType = "message";

    /// <summary>Too much changed while away to patch the page: reload it.</summary>
    public const string ReloadType = "reload";
}
