using CecPortal.Web.Features.Sharing.Alerts;

namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>What a channel's page shows, read in one round trip (<see cref="ChannelDirectory.PageAsync"/>).</summary>
public sealed record ChannelPage(ChannelSummary Channel, long LiveAfter, PageOf<TopicSummary> Topics, IReadOnlyList<PinnedAlert> Alerts);
