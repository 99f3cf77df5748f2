namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>A topic in its channel's list, most recently active first.</summary>
public sealed record TopicSummary(Guid Id, string Subject, DateTimeOffset LastMessageAt, int MessageCount, int Unread);
