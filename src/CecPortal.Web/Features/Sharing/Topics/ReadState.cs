using System.Linq.Expressions;
using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>
/// What a member has read. A message counts as unread when it is newer than both the member's mark for its topic and
/// their "all read" mark for its channel, was written by someone else, and is neither deleted nor hidden.
/// </summary>
public sealed class ReadState(AppDbContext db, ChannelAccess access, TimeProvider clock)
{
    /// <summary>Marks the topic read up to <paramref name="seq"/> (a page shows the messages up to it); never moves back.</summary>
    public async Task MarkTopicReadAsync(string userId, Guid topicId, long seq, CancellationToken cancellationToken)
    {
        if (seq <= 0)
        {
            return;
        }

        // One statement, safe when two tabs open the topic at once.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO topic_reads ("TopicId", "UserId", "ReadUpToSeq") VALUES ({topicId}, {userId}, {seq})
            ON CONFLICT ("TopicId", "UserId") DO UPDATE SET "ReadUpToSeq" = GREATEST(topic_reads."ReadUpToSeq", EXCLUDED."ReadUpToSeq")
            """,
            cancellationToken);
    }

    /// <summary>Marks every message of a channel the member may read, and belongs to, as read.</summary>
    public async Task MarkChannelReadAsync(string userId, Guid channelId, CancellationToken cancellationToken)
    {
        var kind = await access.ReadableBy(userId).Where(c => c.Id == channelId).Select(c => (ChannelKind?)c.Kind).FirstOrDefaultAsync(cancellationToken)
            ?? throw new SharingRuleException("This channel is not available to you.");
        var last = await db.Messages.Where(m => m.ChannelId == channelId).MaxAsync(m => (long?)m.Seq, cancellationToken) ?? 0;
        var subscription = await db.ChannelSubscriptions.FirstOrDefaultAsync(s => s.ChannelId == channelId && s.UserId == userId, cancellationToken);
        if (subscription is null && kind is ChannelKind.Open or ChannelKind.WorkingGroup)
        {
            // For these the row is the membership: marking read must not join an open channel.
            throw new SharingRuleException("Join the channel first to keep track of what you have read.");
        }

        if (subscription is null)
        {
            subscription = ChannelSubscription.Join(channelId, userId, clock.GetUtcNow());
            db.ChannelSubscriptions.Add(subscription);
        }

        subscription.MarkReadUpTo(last);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The unread messages of a member (<see cref="Unread"/>), as an expression that a compiled query inlines (LinqKit's
    /// <c>Invoke</c>, then <c>Expand</c>).
    /// </summary>
    public static readonly Expression<Func<AppDbContext, string, IQueryable<Message>>> UnreadRule = (db, userId) =>
        from m in db.Messages
        where m.AuthorId != userId
            && m.DeletedAt == null
            && m.HiddenAt == null
            && !db.TopicReads.Any(r => r.TopicId == m.TopicId && r.UserId == userId && r.ReadUpToSeq >= m.Seq)
            && !db.ChannelSubscriptions.Any(s => s.ChannelId == m.ChannelId && s.UserId == userId && s.ReadUpToSeq >= m.Seq)
        select m;

    private static readonly Func<AppDbContext, string, IQueryable<Message>> UnreadOf = UnreadRule.Compile();

    /// <summary>The unread messages of <paramref name="userId"/>, as a query that pages count per channel or per topic.</summary>
    public IQueryable<Message> Unread(string userId) => UnreadOf(db, userId);
}
