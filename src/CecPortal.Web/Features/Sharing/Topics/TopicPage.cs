namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>One page of a topic's messages, oldest first, and whether earlier messages come before it.</summary>
public sealed record TopicPage(IReadOnlyList<MessageView> Messages, bool HasEarlier);
