using System.Linq.Expressions;
using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Topics;
using LinqKit;

namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>
/// The channels a member sees: their own (community, their sector's and country's, the open channels they joined and
/// their working groups) with unread counts, the open channels they could join, and one channel's topics. Every query
/// starts from <see cref="ChannelAccess.ReadableBy"/>, so a channel the member may not read is simply not there.
/// </summary>
public sealed class ChannelDirectory(AppDbContext db, ChannelAccess access, ReadState reads, IOptions<SharingOptions> options, TimeProvider clock)
{
    /// <summary>The most alerts a channel's page pins.</summary>
    private const int AlertsShown = 10;

    /// <summary>The member's channels: community first, then sector, country, working groups and joined open channels.</summary>
    public async Task<IReadOnlyList<ChannelSummary>> MineAsync(string userId, CancellationToken cancellationToken)
    {
        var channels = await Summaries(userId, access.ReadableBy(userId)
                .Where(c => c.Kind != ChannelKind.Open || db.ChannelSubscriptions.Any(s => s.ChannelId == c.Id && s.UserId == userId)))
            .ToListAsync(cancellationToken);
        return [.. channels.OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>Open channels the member has not joined yet; they may read them before joining.</summary>
    public async Task<IReadOnlyList<ChannelSummary>> OpenToJoinAsync(string userId, CancellationToken cancellationToken)
    {
        var channels = await Summaries(userId, access.ReadableBy(userId)
                .Where(c => c.Kind == ChannelKind.Open && !db.ChannelSubscriptions.Any(s => s.ChannelId == c.Id && s.UserId == userId)))
            .ToListAsync(cancellationToken);
        return [.. channels.OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>One channel by its address, or null when there is none the member may read.</summary>
    public Task<ChannelSummary?> FindAsync(string userId, string slug, CancellationToken cancellationToken) =>
        Summaries(userId, access.ReadableBy(userId).Where(c => c.Slug == slug)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// <see cref="PageAsync"/>'s statement, compiled (the rules inlined by LinqKit's <c>Expand</c>): the channel as
    /// <see cref="Summaries"/> reads it, written out here because the page reads more beside it.
    /// </summary>
    private static readonly Expression<Func<AppDbContext, string, string, DateTimeOffset, int, int, CancellationToken, PageRow?>> PageStatement =
        (db, userId, slug, now, skip, take, _) =>
            (from c in ChannelAccess.ReadableByRule.Invoke(db, userId).Where(c => c.Slug == slug)
             join s in db.ChannelSubscriptions.Where(s => s.UserId == userId) on c.Id equals s.ChannelId into subscriptions
             from subscription in subscriptions.DefaultIfEmpty()
             select new PageRow(
                 new ChannelSummary(
                     c.Id,
                     c.Slug,
                     c.Name,
                     c.Description,
                     c.Kind,
                     c.DefaultTlp,
                     ReadState.UnreadRule.Invoke(db, userId).Count(m => m.ChannelId == c.Id),
                     subscription != null && subscription.Muted,
                     subscription == null ? NotifyLevel.All : subscription.Notify,
                     subscription != null,
                     subscription == null || subscription.UrgentAlertsByEmail,
                     db.Topics.Where(t => t.ChannelId == c.Id).Max(t => (long?)t.LastMessageSeq) ?? 0),
                 db.Messages.Max(m => (long?)m.ChangeSeq) ?? 0,
                 db.Topics.Count(t => t.ChannelId == c.Id),
                 db.Topics.Where(t => t.ChannelId == c.Id)
                     .OrderByDescending(t => t.LastMessageSeq).ThenBy(t => t.Id)
                     .Skip(skip).Take(take)
                     .Select(t => new TopicSummary(
                         t.Id, t.Subject, t.LastMessageAt, t.MessageCount, ReadState.UnreadRule.Invoke(db, userId).Count(m => m.TopicId == t.Id), t.LastMessageSeq))
                     .ToList(),
                 UrgentAlerts.PinnedInRule.Invoke(db, ChannelAccess.ReadableByRule.Invoke(db, userId), now, null, slug).Take(AlertsShown).ToList()))
            .AsNoTracking()
            .AsSingleQuery()
            .FirstOrDefault();

    private static readonly Func<AppDbContext, string, string, DateTimeOffset, int, int, CancellationToken, Task<PageRow?>> PageQuery =
        EF.CompileAsyncQuery(PageStatement.Expand());

    /// <summary>
    /// A channel's page in ONE round trip, or null when there is no channel by that address the member may read: the
    /// channel with the member's unread count and settings, the last change number (read in the same snapshot as the
    /// topics, so the live stream replays exactly what comes after them), a page of its topics, most recently active
    /// first, with their unread counts and the total, and the urgent alerts pinned in it. A page number past the end
    /// gives the last page (a second query, only for such a link).
    /// </summary>
    public async Task<ChannelPage?> PageAsync(string userId, string slug, int page, CancellationToken cancellationToken)
    {
        var size = options.Value.TopicsPerPage;
        var number = Math.Max(1, page);
        var row = await PageQuery(db, userId, slug, clock.GetUtcNow(), (number - 1) * size, size, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var last = Math.Max(1, (row.TopicCount + size - 1) / size);
        if (number > last)
        {
            return await PageAsync(userId, slug, last, cancellationToken);
        }

        return new ChannelPage(row.Channel, row.LiveAfter, new PageOf<TopicSummary>(row.Topics, number, size, row.TopicCount), row.Alerts);
    }

    /// <summary>The channel's topics, most recently active first, with the member's unread count in each.</summary>
    public Task<PageOf<TopicSummary>> TopicsAsync(string userId, Guid channelId, int page, CancellationToken cancellationToken)
    {
        var unread = reads.Unread(userId);
        return access.ReadableTopics(userId)
            .Where(t => t.ChannelId == channelId)
            .OrderByDescending(t => t.LastMessageSeq)
            .Select(t => new TopicSummary(t.Id, t.Subject, t.LastMessageAt, t.MessageCount, unread.Count(m => m.TopicId == t.Id), t.LastMessageSeq))
            .ToPageAsync(page, options.Value.TopicsPerPage, cancellationToken);
    }

    private IQueryable<ChannelSummary> Summaries(string userId, IQueryable<Channel> channels)
    {
        var unread = reads.Unread(userId);
        return from c in channels
               join s in db.ChannelSubscriptions.Where(s => s.UserId == userId) on c.Id equals s.ChannelId into subscriptions
               from subscription in subscriptions.DefaultIfEmpty()
               select new ChannelSummary(
                   c.Id,
                   c.Slug,
                   c.Name,
                   c.Description,
                   c.Kind,
                   c.DefaultTlp,
                   unread.Count(m => m.ChannelId == c.Id),
                   subscription != null && subscription.Muted,
                   subscription == null ? NotifyLevel.All : subscription.Notify,
                   subscription != null,
                   subscription == null || subscription.UrgentAlertsByEmail,
                   db.Topics.Where(t => t.ChannelId == c.Id).Max(t => (long?)t.LastMessageSeq) ?? 0);
    }

    private sealed record PageRow(ChannelSummary Channel, long LiveAfter, int TopicCount, List<TopicSummary> Topics, List<PinnedAlert> Alerts);
}
