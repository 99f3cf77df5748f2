using CecPortal.Web.Features.Sharing.Sightings;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>
/// One message as a reader sees it. <see cref="AuthorName"/> is null for a former (erased) member; the body is empty for
/// a deleted or hidden message, which the page shows as such.
/// </summary>
public sealed record MessageView(
    Guid Id,
    long Seq,
    string? AuthorId,
    string? AuthorName,
    TlpLabel Tlp,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    bool Hidden,
    string BodyHtml,
    bool MayEdit,
    bool MayDelete)
{
    /// <summary>"Seen it too": the count and whether the reader marked it; null where it is not shown.</summary>
    public SeenItToo? SeenItToo { get; init; }
}
