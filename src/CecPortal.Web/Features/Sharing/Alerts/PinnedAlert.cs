namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>An active alert as a reader sees it pinned: its title, label, channel and the message it points to.</summary>
public sealed record PinnedAlert(Guid Id, string Title, TlpLabel Tlp, Guid MessageId, string ChannelSlug, string ChannelName, DateTimeOffset RaisedAt);

/// <summary>An alert on the staff page: a proposal to decide, or an active alert that may be ended.</summary>
public sealed record AlertForStaff(
    Guid Id, string Title, UrgentAlertStatus Status, TlpLabel Tlp, Guid MessageId, string ChannelName, string? ProposedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string BodyHtml, int Sent, int Pending, int Failed);
