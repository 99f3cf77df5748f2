namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>What a topic's page shows (<see cref="TopicReader.ReadAsync"/>): the topic, a page of messages, the last change number before them, and how far the member had read.</summary>
public sealed record TopicReading(TopicView Topic, TopicPage Page, long LiveAfter, long ReadUpTo);
