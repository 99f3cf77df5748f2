using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>The labels a message may carry in a channel: the channel's default or stricter, TLP:RED only in a working group.</summary>
public static class MessageTlp
{
    public static IReadOnlyList<TlpLabel> Choices(ChannelKind kind, TlpLabel channelDefault) =>
        [.. Enum.GetValues<TlpLabel>().Where(l => l >= channelDefault && (l != TlpLabel.Red || kind == ChannelKind.WorkingGroup))];

    /// <summary>The form's value for a label: its enum name, which <see cref="TlpRules.TryParse"/> reads back.</summary>
    public static string Value(TlpLabel label) => label.ToString();
}
