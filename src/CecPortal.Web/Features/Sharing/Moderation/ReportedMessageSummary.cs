namespace CecPortal.Web.Features.Sharing.Moderation;

/// <summary>One line of the moderators' queue: a reported message with how many reports it has, open and in all.</summary>
public sealed record ReportedMessageSummary(
    Guid MessageId,
    string ChannelName,
    string TopicSubject,
    int OpenReports,
    int AllReports,
    IReadOnlyList<ReportReason> Reasons,
    DateTimeOffset FirstReportedAt,
    DateTimeOffset LastReportedAt,
    bool Hidden,
    bool Deleted);
