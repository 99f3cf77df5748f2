namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>
/// A channel as the lists show it, with the reader's unread count and settings; <see cref="LastMessageSeq"/> is its newest
/// message's number, from which the page's script counts messages pushed live as unread.
/// </summary>
public sealed record ChannelSummary(
    Guid Id,
    string Slug,
    string Name,
    string? Description,
    ChannelKind Kind,
    TlpLabel DefaultTlp,
    int Unread,
    bool Muted,
    NotifyLevel Notify,
    bool Subscribed,
    bool UrgentAlertsByEmail,
    long LastMessageSeq)
{
    /// <summary>Only open channels and working groups can be left; the others follow the profile.</summary>
    public bool MayBeLeft => Kind is ChannelKind.Open or ChannelKind.WorkingGroup;
}
