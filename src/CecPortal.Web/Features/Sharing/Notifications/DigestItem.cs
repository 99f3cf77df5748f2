namespace CecPortal.Web.Features.Sharing.Notifications;

/// <summary>One message in a notification email, with why it is there.</summary>
public sealed record DigestItem(
    Guid MessageId,
    long Seq,
    string ChannelName,
    string ChannelSlug,
    string TopicSubject,
    string? AuthorName,
    TlpLabel Tlp,
    string BodyMarkdown,
    DateTimeOffset CreatedAt,
    bool MentionsYou,
    bool InYourTopic)
{
    /// <summary>TLP:AMBER+STRICT and TLP:RED messages are announced by label and channel only, never quoted.</summary>
    public bool MayBeQuoted => Tlp < TlpLabel.AmberStrict;
}
