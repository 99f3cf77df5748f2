using System.Text.Json;

namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>
/// What the database announces on the <c>sharing</c> channel when a message change commits (the trigger of migration
/// <c>SharingChangeAtCommit</c>, as <c>{"c":"&lt;channel id&gt;","s":&lt;change number&gt;}</c>): ids only, never text, so a payload
/// that leaks (a log, a monitoring tool listening in) says nothing. Each instance reads the message itself, under each
/// reader's own authorization.
/// </summary>
public readonly record struct LiveChange(Guid ChannelId, long ChangeSeq)
{
    /// <summary>The PostgreSQL notification channel every instance listens on.</summary>
    public const string NotifyChannel = "sharing";

    /// <summary>The change a payload announces, or null for one this version does not understand.</summary>
    public static LiveChange? Parse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            return root.TryGetProperty("c", out var channel) && channel.TryGetGuid(out var channelId)
                && root.TryGetProperty("s", out var seq) && seq.TryGetInt64(out var changeSeq)
                ? new LiveChange(channelId, changeSeq)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
