using NpgsqlTypes;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>
/// One message of a topic. The author may edit it within the edit window (the previous text goes to a
/// <see cref="MessageRevision"/> for moderators) and delete it at any time, which leaves a tombstone so the thread
/// stays readable. A moderator may hide it: it is kept for the audit and shown as hidden.
/// </summary>
public sealed class Message
{
    public const int MaxBodyLength = 10_000;

    private Message()
    {
    }

    /// <summary>Used in permalinks: <c>/sharing/m/{id}</c>.</summary>
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The order of messages (an identity column); unread counts compare against it.</summary>
    public long Seq { get; private set; }

    /// <summary>
    /// Taken from the sequence <c>message_change_seq</c> on insert and, by a trigger, on every update: the live stream's
    /// event id, so a client that reconnects replays every change after the last one it saw.
    /// </summary>
    public long ChangeSeq { get; private set; }

    public Guid TopicId { get; private set; }

    /// <summary>The topic's channel, repeated here so that the read check is one join.</summary>
    public Guid ChannelId { get; private set; }

    /// <summary>Null once the author is erased: shown as "former member".</summary>
    public string? AuthorId { get; private set; }

    public string BodyMarkdown { get; private set; } = string.Empty;

    /// <summary>The sanitised HTML of <see cref="BodyMarkdown"/>, rendered once per edit.</summary>
    public string BodyHtml { get; private set; } = string.Empty;

    public TlpLabel Tlp { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    /// <summary>Set when the author deleted it: the body is gone, a tombstone keeps the thread readable.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    public string? HiddenById { get; private set; }

    public string? HiddenReason { get; private set; }

    /// <summary>Full-text search document of the body, a generated column.</summary>
    public NpgsqlTsVector SearchVector { get; private set; } = null!;

    public uint Version { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public bool IsHidden => HiddenAt is not null;

    /// <summary>A new message; the caller has checked the label against the channel and rendered the Markdown.</summary>
    public static Message Post(Topic topic, string authorId, MessageBody body, TlpLabel tlp, DateTimeOffset now) => new()
    {
        TopicId = topic.Id,
        ChannelId = topic.ChannelId,
        AuthorId = authorId,
        BodyMarkdown = body.Markdown,
        BodyHtml = body.Html,
        Tlp = tlp,
        CreatedAt = now,
    };

    /// <summary>Whether <paramref name="userId"/> may still edit the message at <paramref name="now"/>.</summary>
    public bool MayBeEditedBy(string userId, TimeSpan editWindow, DateTimeOffset now) =>
        IsAuthor(userId) && !IsDeleted && !IsHidden && now - CreatedAt <= editWindow;

    /// <summary>
    /// Replaces the text (and label) within the edit window; returns the revision that keeps the previous text for the
    /// moderators. The caller has checked the label against the channel.
    /// </summary>
    public MessageRevision Edit(string userId, MessageBody body, TlpLabel tlp, TimeSpan editWindow, DateTimeOffset now)
    {
        RequireAuthor(userId, "edit");
        if (IsDeleted || IsHidden)
        {
            throw new SharingRuleException("This message can no longer be edited.");
        }

        if (now - CreatedAt > editWindow)
        {
            throw new SharingRuleException($"A message can be edited for {Minutes(editWindow)} after it is posted; post a correction as a reply.");
        }

        if (tlp < Tlp)
        {
            // Readers may already have acted under the stricter label; loosening it afterwards would mislead them.
            throw new SharingRuleException($"The label of a posted message may only become stricter than {Tlp.Display()}.", "Tlp");
        }

        var revision = MessageRevision.Of(this, now);
        BodyMarkdown = body.Markdown;
        BodyHtml = body.Html;
        Tlp = tlp;
        EditedAt = now;
        return revision;
    }

    /// <summary>Deletes the text, keeping the place in the thread ("message deleted"). Deleting twice changes nothing.</summary>
    public void Delete(string userId, DateTimeOffset now)
    {
        RequireAuthor(userId, "delete");
        if (IsDeleted)
        {
            return;
        }

        BodyMarkdown = string.Empty;
        BodyHtml = string.Empty;
        DeletedAt = now;
    }

    /// <summary>A moderator hides the message; it stays in the database for the audit.</summary>
    public void Hide(Actor moderator, string reason, DateTimeOffset now)
    {
        if (IsHidden)
        {
            throw new SharingRuleException("This message is already hidden.");
        }

        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > 500)
        {
            throw new SharingRuleException("Give a reason of at most 500 characters for the record.", nameof(HiddenReason));
        }

        HiddenAt = now;
        HiddenById = moderator.Id;
        HiddenReason = trimmed;
    }

    /// <summary>A moderator shows a hidden message again (the hiding stays in the audit log).</summary>
    public void Unhide()
    {
        if (!IsHidden)
        {
            throw new SharingRuleException("This message is not hidden.");
        }

        HiddenAt = null;
        HiddenById = null;
        HiddenReason = null;
    }

    private bool IsAuthor(string userId) => AuthorId is not null && AuthorId == userId;

    private void RequireAuthor(string userId, string action)
    {
        if (!IsAuthor(userId))
        {
            throw new SharingRuleException($"Only its author can {action} a message.");
        }
    }

    private static string Minutes(TimeSpan window) =>
        window.TotalMinutes == 1 ? "1 minute" : $"{window.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} minutes";
}
