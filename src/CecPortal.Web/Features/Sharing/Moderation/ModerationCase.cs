namespace CecPortal.Web.Features.Sharing.Moderation;

/// <summary>
/// Everything a moderator needs to judge one reported message: where it is, its current text, its earlier versions, the
/// reports with the text as each reporter saw it, and whether its author is muted in the channel.
/// </summary>
public sealed record ModerationCase(
    Guid MessageId,
    Guid ChannelId,
    string ChannelName,
    string ChannelSlug,
    string TopicSubject,
    string? AuthorId,
    string? AuthorName,
    TlpLabel Tlp,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt,
    DateTimeOffset? HiddenAt,
    string? HiddenByName,
    string? HiddenReason,
    string BodyMarkdown,
    string BodyHtml,
    DateTimeOffset? AuthorSilencedUntil,
    IReadOnlyList<ModerationCase.Revision> Revisions,
    IReadOnlyList<ModerationCase.Report> Reports)
{
    public bool Hidden => HiddenAt is not null;

    public bool Deleted => DeletedAt is not null;

    public int OpenReports => Reports.Count(r => r.ResolvedAt is null);

    /// <summary>An earlier text of the message, replaced by an edit at <see cref="ReplacedAt"/>.</summary>
    public sealed record Revision(string BodyMarkdown, TlpLabel Tlp, DateTimeOffset ReplacedAt);

    /// <summary>A report, with the text and label as they were when it was made; the reporter's name is null once erased.</summary>
    public sealed record Report(
        Guid Id,
        string? ReporterName,
        ReportReason Reason,
        string? Note,
        string ReportedBody,
        TlpLabel ReportedTlp,
        DateTimeOffset CreatedAt,
        DateTimeOffset? ResolvedAt,
        string? ResolvedByName,
        ReportResolution? Resolution);
}
