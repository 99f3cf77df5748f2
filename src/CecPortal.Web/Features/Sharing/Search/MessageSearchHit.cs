namespace CecPortal.Web.Features.Sharing.Search;

/// <summary>
/// One message found. For a TLP:RED message only the label, the channel, the date and the permalink are filled: its
/// topic, author and text never leave the database through search. <see cref="SnippetHtml"/> is encoded text with
/// <c>&lt;mark&gt;</c> around the matches. <see cref="AuthorName"/> is null for a former (erased) member.
/// </summary>
public sealed record MessageSearchHit(
    Guid MessageId,
    TlpLabel Tlp,
    string ChannelSlug,
    string ChannelName,
    string? TopicSubject,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    string? SnippetHtml)
{
    public bool IsRed => Tlp == TlpLabel.Red;
}
