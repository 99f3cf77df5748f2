using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>A topic with its channel, as its page shows them.</summary>
public sealed record TopicView(Guid Id, string Subject, Guid ChannelId, string ChannelSlug, string ChannelName, ChannelKind ChannelKind, TlpLabel ChannelTlp);
