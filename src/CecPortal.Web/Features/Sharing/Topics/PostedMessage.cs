namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>Where a message just written lives: the page redirects to its topic, anchored on it.</summary>
public sealed record PostedMessage(Guid TopicId, Guid MessageId);
