using CecPortal.Web.Features.Membership.Reference;
using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Sharing.Sightings;

/// <summary>
/// "Seen it too": a member says they observe what a message describes as well. One mark per member and message, a
/// click sets it and the next takes it back. Counts are by the marking members' sector as their profile says now.
/// </summary>
public sealed class MessageSightings(AppDbContext db, ChannelAccess access, TimeProvider clock)
{
    /// <summary>
    /// The counts of <paramref name="messageIds"/> in ONE query, grouped in SQL by message and sector, with whether
    /// <paramref name="readerId"/> marked each; members whose sector is "other" count among the other sectors (null: for no one in particular). Messages nobody marked get
    /// <see cref="SeenItToo.None"/>. A suspended member's mark counts no more while they are suspended (kept, it counts
    /// again if they come back), as nothing else they did shows while they are out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, SeenItToo>> CountsAsync(string? readerId, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
        {
            return new Dictionary<Guid, SeenItToo>();
        }

        Guid[] ids = [.. messageIds.Distinct()];
        var rows = await CountsQuery(db, ids, readerId).ToListAsync(cancellationToken);
        var byMessage = rows.ToLookup(r => r.MessageId);
        return ids.ToDictionary(
            id => id,
            id => byMessage[id] is var sectors && sectors.Any()
                ? SeenItToo.Of(sectors.Select(r => new SectorSightings(r.Sector, r.Count)), readerId is null ? null : sectors.Any(r => r.Mine > 0))
                : SeenItToo.None with { SeenByMe = readerId is null ? null : false });
    }

    /// <summary>
    /// <see cref="CountsAsync"/>'s statement, compiled: a topic's page runs it whenever a message on it has a mark, and
    /// a live push for every message that has one.
    /// </summary>
    private static readonly Func<AppDbContext, Guid[], string?, IAsyncEnumerable<SectorCount>> CountsQuery = EF.CompileAsyncQuery(
        (AppDbContext db, Guid[] ids, string? readerId) =>
            from s in db.MessageSightings.AsNoTracking()
            where ids.Contains(s.MessageId)
            join u in db.Users.ActiveMembers() on s.UserId equals u.Id
            join sector in db.Sectors on u.SectorCode equals sector.Code into sectors
            from sector in sectors.DefaultIfEmpty()
            group s by new { s.MessageId, Sector = sector == null || sector.Code == Sector.OtherCode ? null : sector.Name } into g
            select new SectorCount(g.Key.MessageId, g.Key.Sector, g.Count(), g.Count(x => x.UserId == readerId)));

    /// <summary>One row of <see cref="CountsQuery"/>: the marks on a message by one sector (null: other sectors), and how many are the reader's.</summary>
    private sealed record SectorCount(Guid MessageId, string? Sector, int Count, int Mine);

    /// <summary>
    /// Sets or takes back <paramref name="userId"/>'s mark on a message they may read; null when they may not (or it
    /// does not exist). Refused on a deleted or hidden message and on the member's own. The message gets a new change
    /// number, announced like any change, so open pages show the new count live.
    /// </summary>
    public async Task<SightingToggle?> ToggleAsync(string userId, Guid messageId, CancellationToken cancellationToken)
    {
        var message = await access.ReadableMessages(userId)
            .Where(m => m.Id == messageId)
            .Select(m => new { m.TopicId, m.AuthorId, Gone = m.DeletedAt != null || m.HiddenAt != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return null;
        }

        if (message.Gone)
        {
            throw new SharingRuleException("This message is deleted or hidden: it can no longer be marked as seen.");
        }

        if (message.AuthorId == userId)
        {
            throw new SharingRuleException("\"Seen it too\" is for other members' messages: yours already says you see it.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var seen = await db.MessageSightings.Where(s => s.MessageId == messageId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken) == 0;
        if (seen)
        {
            var now = clock.GetUtcNow();
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO message_sightings ("MessageId", "UserId", "CreatedAt") VALUES ({messageId}, {userId}, {now}) ON CONFLICT DO NOTHING""",
                cancellationToken);
        }

        // An update that changes nothing still gives the message a new change number as it commits, and the database
        // announces it, so the new counts are pushed live.
        await db.Messages.Where(m => m.Id == messageId).ExecuteUpdateAsync(m => m.SetProperty(x => x.TopicId, x => x.TopicId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SightingToggle(message.TopicId, seen);
    }
}
