namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>One row of the staff list of channels: <paramref name="Members"/> is how many people it reaches now.</summary>
public sealed record ChannelListing(Guid Id, string Slug, string Name, ChannelKind Kind, TlpLabel DefaultTlp, DateTimeOffset? ArchivedAt, int Members);
