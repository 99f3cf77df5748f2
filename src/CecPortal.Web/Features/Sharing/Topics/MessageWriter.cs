using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>
/// Everything a member writes in the sharing space: a new topic with its first message, a reply, an edit within the
/// edit window, a deletion. Each checks, in this order, that the member may read the channel (in SQL, through
/// <see cref="ChannelAccess"/>), the text and its TLP label against the channel's rules, and the posting rate; a
/// refusal is a <see cref="SharingRuleException"/> whose message the page shows above the text the member typed.
/// </summary>
public sealed partial class MessageWriter(
    AppDbContext db,
    ChannelAccess access,
    MarkdownRenderer markdown,
    PostingRateLimiter rateLimiter,
    IOptions<SharingOptions> options,
    TimeProvider clock)
{
    public const string BodyField = "Body";
    public const string TlpField = "Tlp";
    public const string SubjectField = "Subject";

    public async Task<PostedMessage> StartTopicAsync(string userId, Guid channelId, string subject, string bodyMarkdown, TlpLabel tlp, CancellationToken cancellationToken)
    {
        var channel = await ReadableChannelAsync(userId, channelId, cancellationToken);
        var cleanSubject = Topic.RequireSubject(subject);
        channel.CheckMessageTlp(tlp, TlpField);
        var (body, mentioned) = await ComposeAsync(channel.Id, bodyMarkdown, cancellationToken);
        var subjectPattern = SearchPattern.Exactly(cleanSubject);
        if (await db.Topics.AnyAsync(t => t.ChannelId == channel.Id && EF.Functions.ILike(t.Subject, subjectPattern, SearchPattern.EscapeCharacter), cancellationToken))
        {
            throw TopicExists(cleanSubject);
        }

        rateLimiter.Acquire(userId);
        using var write = await rateLimiter.EnterWriteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await BeginAsync(cancellationToken);
        await RequireMayPostAsync(channel, userId, now, cancellationToken);
        var topic = Topic.Start(channel.Id, cleanSubject, userId, now);
        var message = Message.Post(topic, userId, body, tlp, now);
        db.Topics.Add(topic);
        db.Messages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another member started a topic of the same subject between our check and this save.
            throw TopicExists(cleanSubject);
        }

        await RecordAsync(topic, message, userId, mentioned, read: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PostedMessage(topic.Id, message.Id);
    }

    public async Task<PostedMessage> ReplyAsync(string userId, Guid topicId, string bodyMarkdown, TlpLabel tlp, CancellationToken cancellationToken)
    {
        var channel = await access.ReadableBy(userId).AsTracking().FirstOrDefaultAsync(c => db.Topics.Any(t => t.Id == topicId && t.ChannelId == c.Id), cancellationToken)
            ?? throw NotAvailable();
        channel.CheckMessageTlp(tlp, TlpField);
        var (body, mentioned) = await ComposeAsync(channel.Id, bodyMarkdown, cancellationToken);
        rateLimiter.Acquire(userId);
        using var write = await rateLimiter.EnterWriteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await BeginAsync(cancellationToken);
        await RequireMayPostAsync(channel, userId, now, cancellationToken);

        // The row lock serialises replies to one topic, so its count and last sequence number add up.
        var topic = await db.Topics.FromSql($"SELECT * FROM topics WHERE \"Id\" = {topicId} FOR UPDATE").SingleAsync(cancellationToken);
        var read = await db.TopicReads.FirstOrDefaultAsync(r => r.TopicId == topic.Id && r.UserId == userId, cancellationToken);
        var message = Message.Post(topic, userId, body, tlp, now);
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(topic, message, userId, mentioned, read, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PostedMessage(topic.Id, message.Id);
    }

    /// <summary>Replaces the author's text within the edit window; the previous text is kept for the moderators.</summary>
    public async Task<PostedMessage> EditAsync(string userId, Guid messageId, string bodyMarkdown, TlpLabel tlp, CancellationToken cancellationToken)
    {
        var message = await access.ReadableMessages(userId).FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken) ?? throw NotAvailable();
        var channel = await ReadableChannelAsync(userId, message.ChannelId, cancellationToken);
        channel.CheckMessageTlp(tlp, TlpField);
        var (body, mentioned) = await ComposeAsync(channel.Id, bodyMarkdown, cancellationToken);
        var now = clock.GetUtcNow();
        if (await IsSilencedAsync(channel.Id, userId, now, cancellationToken))
        {
            throw Silenced();
        }

        db.MessageRevisions.Add(message.Edit(userId, body, tlp, options.Value.EditWindow, now));
        await db.MessageMentions.Where(m => m.MessageId == message.Id).ExecuteDeleteAsync(cancellationToken);
        db.MessageMentions.AddRange(mentioned.Select(id => new MessageMention { MessageId = message.Id, UserId = id }));
        await SaveAsync(cancellationToken);
        return new PostedMessage(message.TopicId, message.Id);
    }

    /// <summary>Deletes the author's message, leaving a tombstone; the text of earlier versions goes with it.</summary>
    public async Task<PostedMessage> DeleteAsync(string userId, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await access.ReadableMessages(userId).FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken) ?? throw NotAvailable();
        message.Delete(userId, clock.GetUtcNow());
        await db.MessageMentions.Where(m => m.MessageId == message.Id).ExecuteDeleteAsync(cancellationToken);
        await db.MessageRevisions.Where(r => r.MessageId == message.Id).ExecuteDeleteAsync(cancellationToken);
        await SaveAsync(cancellationToken);
        return new PostedMessage(message.TopicId, message.Id);
    }

    /// <summary>The names written as <c>@**Full Name**</c> in <paramref name="bodyMarkdown"/>, in order, once each.</summary>
    public static IReadOnlyList<string> MentionedNames(string bodyMarkdown) =>
        [.. MentionPattern().Matches(bodyMarkdown).Select(m => m.Groups["name"].Value.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];

    private async Task<(MessageBody Body, IReadOnlyList<string> Mentioned)> ComposeAsync(Guid channelId, string bodyMarkdown, CancellationToken cancellationToken)
    {
        var text = (bodyMarkdown ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new SharingRuleException("Write a message.", BodyField);
        }

        if (text.Length > Message.MaxBodyLength)
        {
            throw new SharingRuleException($"A message may have at most {Message.MaxBodyLength:N0} characters; this one has {text.Length:N0}.", BodyField);
        }

        var names = MentionedNames(text);
        var people = names.Count == 0
            ? []
            : await access.ReadersOf(channelId).Where(u => names.Contains(u.FullName)).Select(u => new { u.Id, u.FullName }).ToListAsync(cancellationToken);
        var html = markdown.Render(text, webLinksOnly: true);
        foreach (var name in people.Select(p => p.FullName).Distinct(StringComparer.Ordinal))
        {
            // Markdig renders @**Name** as "@<strong>Name</strong>"; a member who may read the channel is highlighted.
            var encoded = HtmlEncoder.Default.Encode(name);
            html = html.Replace($"@<strong>{encoded}</strong>", $"<strong class=\"mention\">@{encoded}</strong>", StringComparison.Ordinal);
        }

        return (new MessageBody(text, html), [.. people.Select(p => p.Id).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// A transaction whose saves set no savepoint: a failed save ends the write (the page shows the refusal), so the
    /// savepoint EF would otherwise set and release around each save is two round trips for nothing.
    /// </summary>
    private Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.BeginTransactionAsync(cancellationToken);
    }

    private async Task<Channel> ReadableChannelAsync(string userId, Guid channelId, CancellationToken cancellationToken) =>
        await access.ReadableBy(userId).AsTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken) ?? throw NotAvailable();

    /// <summary>A moderator's mute stops posting; posting into an open channel joins it.</summary>
    private async Task RequireMayPostAsync(Channel channel, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = await db.ChannelSubscriptions.FirstOrDefaultAsync(s => s.ChannelId == channel.Id && s.UserId == userId, cancellationToken);
        if (subscription is not null && subscription.IsSilenced(now))
        {
            throw Silenced();
        }

        if (subscription is null && channel.IsJoinable)
        {
            db.ChannelSubscriptions.Add(ChannelSubscription.Join(channel.Id, userId, now));
        }
    }

    private Task<bool> IsSilencedAsync(Guid channelId, string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ChannelSubscriptions.AnyAsync(s => s.ChannelId == channelId && s.UserId == userId && s.SilencedUntil > now, cancellationToken);

    /// <summary>
    /// Counts the message in its topic, records its mentions, and marks the topic read by its author up to it, in one
    /// save: the message's change number was taken under a lock held to commit (so that numbers become visible in
    /// order), and every round trip between the message and the commit holds up every other writer. The author's read
    /// mark (<paramref name="read"/>) is therefore read before the message is saved.
    /// </summary>
    private async Task RecordAsync(Topic topic, Message message, string userId, IReadOnlyList<string> mentioned, TopicRead? read, CancellationToken cancellationToken)
    {
        topic.RecordMessage(message.Seq, message.CreatedAt);
        db.MessageMentions.AddRange(mentioned.Where(id => id != userId).Select(id => new MessageMention { MessageId = message.Id, UserId = id }));
        if (read is null)
        {
            db.TopicReads.Add(TopicRead.Of(topic.Id, userId, message.Seq));
        }
        else
        {
            read.MarkReadUpTo(message.Seq);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new SharingRuleException("The message changed while you were editing it. Open it again to see the current text.");
        }
    }

    private static SharingRuleException TopicExists(string subject) =>
        new($"This channel already has a topic called \"{subject}\": reply there, or choose another subject.", SubjectField);

    private static SharingRuleException NotAvailable() => new("This conversation is not available to you.");

    private static SharingRuleException Silenced() => new("A moderator has muted you in this channel for now: you can read it, but not post.");

    [GeneratedRegex(@"@\*\*(?<name>[^*\r\n]{1,100})\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
