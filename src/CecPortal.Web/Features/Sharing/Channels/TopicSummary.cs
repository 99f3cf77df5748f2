namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>
/// A topic in its channel's list, most recently active first. <paramref name="LastMessageSeq"/> lets the page's script
/// tell a new message pushed live (a higher number: one more unread) from a change to one already counted.
/// </summary>
public sealed record TopicSummary(Guid Id, string Subject, DateTimeOffset LastMessageAt, int MessageCount, int Unread, long LastMessageSeq);
