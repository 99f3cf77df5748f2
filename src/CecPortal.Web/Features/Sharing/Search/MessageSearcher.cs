using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Search;

namespace CecPortal.Web.Features.Sharing.Search;

/// <summary>
/// Full-text search over the messages a member may read: the messages come from
/// <see cref="ChannelAccess.ReadableMessages"/>, so the read rule is part of the one SQL query that matches, ranks and
/// cuts the snippets. Deleted and hidden messages are left out. A TLP:RED message may be found, but the query itself
/// returns no snippet, topic or author for it: the page can only say that there is one, in which channel.
/// </summary>
public sealed class MessageSearcher(AppDbContext db, ChannelAccess access)
{
    public const int PageSize = 20;

    /// <summary>The channels the member may read, for the channel filter.</summary>
    public async Task<IReadOnlyList<SearchChannel>> ChannelsAsync(string userId, CancellationToken cancellationToken) =>
        await access.ReadableBy(userId)
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.Name)
            .Select(c => new SearchChannel(c.Id, c.Slug, c.Name))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The matching messages, most relevant first (<c>websearch_to_tsquery</c>, ranked by <c>ts_rank_cd</c>, then newest
    /// first); without a text, the filtered messages newest first. Dates are whole days in UTC, both ends included.
    /// </summary>
    public async Task<PageOf<MessageSearchHit>> SearchAsync(string userId, MessageSearch search, int pageNumber, CancellationToken cancellationToken)
    {
        var messages = access.ReadableMessages(userId).Where(m => m.DeletedAt == null && m.HiddenAt == null);
        if (search.ChannelId is { } channelId)
        {
            messages = messages.Where(m => m.ChannelId == channelId);
        }

        if (search.From is { } from)
        {
            var start = StartOf(from);
            messages = messages.Where(m => m.CreatedAt >= start);
        }

        if (search.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            messages = messages.Where(m => m.CreatedAt < end);
        }

        var found = from m in messages
                    join c in db.Channels on m.ChannelId equals c.Id
                    join t in db.Topics on m.TopicId equals t.Id
                    select new Found { Message = m, Channel = c, Topic = t };

        PageOf<MessageSearchHit> page;
        if (string.IsNullOrWhiteSpace(search.Text))
        {
            page = await Project(found.OrderByDescending(f => f.Message.Seq), withHeadline: null)
                .ToPageAsync(pageNumber, PageSize, cancellationToken);
        }
        else
        {
            var text = search.Text.Trim();
            page = await Project(
                    found.Where(f => f.Message.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", text)))
                        .OrderByDescending(f => f.Message.SearchVector.RankCoverDensity(EF.Functions.WebSearchToTsQuery("english", text)))
                        .ThenByDescending(f => f.Message.Seq),
                    withHeadline: text)
                .ToPageAsync(pageNumber, PageSize, cancellationToken);
        }

        return page with { Items = [.. page.Items.Select(Encoded)] };
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// What the page may show of each message, with the raw headline where the snippet goes (<see cref="Encoded"/>
    /// makes it safe HTML). The CASEs keep a TLP:RED message's text, topic and author in the database:
    /// <c>ts_headline</c> is not even run on it.
    /// </summary>
    private IQueryable<MessageSearchHit> Project(IQueryable<Found> found, string? withHeadline) =>
        found.Select(f => new MessageSearchHit(
            f.Message.Id,
            f.Message.Tlp,
            f.Channel.Slug,
            f.Channel.Name,
            f.Message.Tlp == TlpLabel.Red ? null : f.Topic.Subject,
            f.Message.Tlp == TlpLabel.Red
                ? null
                : db.Users.Where(u => u.Id == f.Message.AuthorId && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
            f.Message.CreatedAt,
            withHeadline == null || f.Message.Tlp == TlpLabel.Red
                ? null
                : EF.Functions.WebSearchToTsQuery("english", withHeadline).GetResultHeadline("english", f.Message.BodyMarkdown, SnippetHighlighter.HeadlineOptions)));

    /// <summary>The headline as encoded text with <c>&lt;mark&gt;</c> around the matches.</summary>
    private static MessageSearchHit Encoded(MessageSearchHit hit) =>
        hit.SnippetHtml is null ? hit : hit with { SnippetHtml = SnippetHighlighter.ToHtml(hit.SnippetHtml) };

    private sealed class Found
    {
        public required Message Message { get; init; }

        public required Channel Channel { get; init; }

        public required Topic Topic { get; init; }
    }
}
