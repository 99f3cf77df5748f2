using System.Linq.Expressions;
using CecPortal.Web.Features.Sharing.Topics;
using LinqKit;

namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>
/// Who may read which channel: the one rule, in SQL, that pages, live pushes, search and exports all go through. A
/// person reads a channel when they hold a community role (member or staff), are neither suspended nor erased, the
/// channel is not archived, and: it is the community channel or an open channel; or it is their sector's or their
/// country's channel, taken from the profile as it is now (a member who changes sector moves at once, with no sync
/// job); or it is a working group they were added to. Staff roles grant nothing more: a moderator judges a message
/// through the report queue, not by reading every room.
/// </summary>
public sealed class ChannelAccess(AppDbContext db)
{
    private static readonly string[] CommunityRoles = [Roles.Member, .. Roles.Staff];

    /// <summary>
    /// Every (channel, reader) pair the rule allows, written once; the public queries fix one side, and PostgreSQL
    /// turns the fixed side into an index lookup rather than a cross product.
    /// </summary>
    private static readonly Expression<Func<AppDbContext, IQueryable<ChannelReader>>> PairsRule = db =>
        from c in db.Channels
        from u in db.Users.InGoodStanding()
        where u.ErasedAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && CommunityRoles.Contains(r.Name!)))
            && c.ArchivedAt == null
            && (c.Kind == ChannelKind.Community
                || c.Kind == ChannelKind.Open
                || (c.Kind == ChannelKind.Sector && c.SectorCode == u.SectorCode)
                || (c.Kind == ChannelKind.Country && c.CountryCode == u.CountryCode)
                || (c.Kind == ChannelKind.WorkingGroup && db.ChannelSubscriptions.Any(s => s.ChannelId == c.Id && s.UserId == u.Id)))
        select new ChannelReader { Channel = c, Reader = u };

    /// <summary>
    /// The channels <c>userId</c> may read, as an expression that a compiled query inlines (LinqKit's <c>Invoke</c>, then
    /// <c>Expand</c>): a page that runs often compiles its statement once instead of building, parameterising and
    /// looking up its expression tree on every request. <see cref="ReadableBy"/> is the same rule as a query.
    /// </summary>
    public static readonly Expression<Func<AppDbContext, string, IQueryable<Channel>>> ReadableByRule = (db, userId) =>
        PairsRule.Invoke(db).Where(p => p.Reader.Id == userId).Select(p => p.Channel);

    private static readonly Func<AppDbContext, IQueryable<ChannelReader>> PairsOf = PairsRule.Compile();
    private static readonly Func<AppDbContext, string, IQueryable<Channel>> ReadableByOf = ReadableByRule.Expand().Compile();

    public IQueryable<Channel> ReadableBy(string userId) => ReadableByOf(db, userId);

    /// <summary>
    /// The people who may read <paramref name="channelId"/>: the same rule seen from the channel, for mentions and for
    /// choosing whom a change reaches.
    /// </summary>
    public IQueryable<PortalUser> ReadersOf(Guid channelId) => Pairs().Where(p => p.Channel.Id == channelId).Select(p => p.Reader);

    /// <summary>
    /// The same rule as (channel, reader) pairs, for reading the readers of many channels in one query: a live push
    /// fixes the channel of each message and the connected members.
    /// </summary>
    public IQueryable<ChannelReading> Readings() => Pairs().Select(p => new ChannelReading { ChannelId = p.Channel.Id, UserId = p.Reader.Id });

    /// <summary>The topics of the channels <c>userId</c> may read, as an expression a compiled query inlines (see <see cref="ReadableByRule"/>).</summary>
    public static readonly Expression<Func<AppDbContext, string, IQueryable<Topic>>> ReadableTopicsRule = (db, userId) =>
        db.Topics.Where(t => ReadableByRule.Invoke(db, userId).Select(c => c.Id).Contains(t.ChannelId));

    private static readonly Func<AppDbContext, string, IQueryable<Topic>> ReadableTopicsOf = ReadableTopicsRule.Expand().Compile();

    /// <summary>The topics of the channels <paramref name="userId"/> may read.</summary>
    public IQueryable<Topic> ReadableTopics(string userId) => ReadableTopicsOf(db, userId);

    /// <summary>The messages of the channels <paramref name="userId"/> may read (hidden and deleted ones included: pages show them as such).</summary>
    public IQueryable<Message> ReadableMessages(string userId)
    {
        var channels = ReadableBy(userId).Select(c => c.Id);
        return db.Messages.Where(m => channels.Contains(m.ChannelId));
    }

    public Task<bool> MayReadAsync(string userId, Guid channelId, CancellationToken cancellationToken) =>
        ReadableBy(userId).AnyAsync(c => c.Id == channelId, cancellationToken);

    /// <summary>Every (channel, reader) pair the rule allows (<see cref="PairsRule"/>).</summary>
    private IQueryable<ChannelReader> Pairs() => PairsOf(db);

    /// <summary>One reader of one channel, as <see cref="Readings"/> lists them.</summary>
    public sealed class ChannelReading
    {
        public required Guid ChannelId { get; init; }

        public required string UserId { get; init; }
    }

    private sealed class ChannelReader
    {
        public required Channel Channel { get; init; }

        public required PortalUser Reader { get; init; }
    }
}
