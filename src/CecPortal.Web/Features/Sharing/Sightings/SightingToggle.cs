namespace CecPortal.Web.Features.Sharing.Sightings;

/// <summary>What a "seen it too" click did: the topic to go back to, and whether the member now marks the message.</summary>
public sealed record SightingToggle(Guid TopicId, bool Seen);
