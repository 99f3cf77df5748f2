namespace CecPortal.Web.Features.Sharing.Moderation;

/// <summary>A message as the report form shows it: where it is, who wrote it, its text, and whether the member may report it.</summary>
public sealed record ReportableMessage(
    Guid MessageId,
    Guid TopicId,
    string TopicSubject,
    string ChannelName,
    string? AuthorName,
    TlpLabel Tlp,
    DateTimeOffset CreatedAt,
    string BodyHtml,
    bool Own,
    bool Gone,
    bool AlreadyReported);
