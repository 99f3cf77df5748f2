using System.Linq.Expressions;
using CecPortal.Web.Infrastructure.Search;
using LinqKit;

namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// What members read: today's briefing, the archive, one edition by date, full-text search and the feed entries.
/// Every query starts from <see cref="Readable"/>, so drafts and scheduled briefings never reach a member.
/// </summary>
public sealed class BriefingReader(AppDbContext db, IOptions<BriefingOptions> options, TimeProvider clock, BriefingReadCache cache)
{
    public const int ArchivePageSize = 10;
    public const int SearchPageSize = 10;
    public const int FeedSize = 30;

    /// <summary>Published or sent: what a member may read.</summary>
    private static readonly Expression<Func<Briefing, bool>> IsReadable =
        b => b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent;

    /// <summary>What a member reads of one briefing.</summary>
    private static readonly Expression<Func<Briefing, BriefingView>> ToView = b => new BriefingView(
        b.EditionDate,
        b.Title,
        b.BodyHtml,
        b.Tlp,
        EF.Property<List<VulnerabilityEntry>>(b, "_vulnerabilities"),
        b.PublishedAt,
        b.UpdatedAt);

    /// <summary>
    /// One edition with the dates of its readable neighbours, in one round trip. Compiled once: this is the page
    /// members open from every briefing email, so it skips EF's per-call expression work.
    /// </summary>
    private static readonly Func<AppDbContext, DateOnly, CancellationToken, Task<EditionPage?>> EditionQuery =
        EF.CompileAsyncQuery((AppDbContext db, DateOnly editionDate, CancellationToken cancellationToken) =>
            db.Briefings.AsNoTracking()
                .Where(IsReadable)
                .Where(b => b.EditionDate == editionDate)
                .Select(ToView)
                .Select(view => new EditionPage(
                    view,
                    db.Briefings.Where(IsReadable).Where(p => p.EditionDate < editionDate).Max(p => (DateOnly?)p.EditionDate),
                    db.Briefings.Where(IsReadable).Where(n => n.EditionDate > editionDate).Min(n => (DateOnly?)n.EditionDate)))
                .SingleOrDefault());

    private IQueryable<Briefing> Readable => db.Briefings.AsNoTracking().Where(IsReadable);

    public DateOnly Today() => options.Value.Today(clock);

    /// <summary>The readable briefing of <paramref name="editionDate"/>, or null (also for drafts and scheduled ones).</summary>
    public async Task<BriefingView?> FindAsync(DateOnly editionDate, CancellationToken cancellationToken) =>
        await Readable
            .Where(b => b.EditionDate == editionDate)
            .Select(ToView)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The readable briefing of <paramref name="editionDate"/> with the readable editions just before and after it, or
    /// null; from the <see cref="BriefingReadCache"/> when another member read it a moment ago.
    /// </summary>
    public Task<EditionPage?> EditionAsync(DateOnly editionDate, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(new EditionKey(editionDate), () => EditionQuery(db, editionDate, cancellationToken));

    /// <summary>Readable briefings newest first, without <paramref name="except"/> (the one already shown in full).</summary>
    public async Task<PageOf<ArchiveEntry>> ArchiveAsync(int pageNumber, DateOnly? except, CancellationToken cancellationToken)
    {
        var briefings = Readable;
        if (except is { } shown)
        {
            briefings = briefings.Where(b => b.EditionDate != shown);
        }

        var page = await briefings
            .OrderByDescending(b => b.EditionDate)
            .Select(b => new { b.EditionDate, b.Title, b.Tlp, Vulnerabilities = EF.Property<List<VulnerabilityEntry>>(b, "_vulnerabilities") })
            .ToPageAsync(pageNumber, ArchivePageSize, cancellationToken);
        return new PageOf<ArchiveEntry>(
            [.. page.Items.Select(b => new ArchiveEntry(b.EditionDate, b.Title, b.Tlp, b.Vulnerabilities.Count))],
            page.Number,
            page.Size,
            page.TotalCount);
    }

    /// <summary>
    /// Full-text search over title, vulnerability entries and body (<c>websearch_to_tsquery</c>, ranked by
    /// <c>ts_rank_cd</c>, then newest first), narrowed by the filters. Without a text it lists the filtered briefings
    /// newest first.
    /// </summary>
    public Task<PageOf<SearchHit>> SearchAsync(BriefingSearch search, int pageNumber, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(search.Text) ? null : search.Text.Trim();
        return Paging.ToPageInOneQueryAsync(
            (skip, take) => text is null
                ? ListQuery(db, search.From, search.To, search.Tlp, skip, take).ToListAsync(cancellationToken)
                : TextQuery(db, text, search.From, search.To, search.Tlp, skip, take).ToListAsync(cancellationToken),
            h => h.Total,
            h => new SearchHit(h.EditionDate, h.Title, h.Tlp, h.Headline is null ? null : SnippetHighlighter.ToHtml(h.Headline)),
            pageNumber,
            SearchPageSize);
    }

    /// <summary>The readable briefings within the search's filters (each null: any).</summary>
    private static readonly Expression<Func<AppDbContext, DateOnly?, DateOnly?, TlpLabel?, IQueryable<Briefing>>> Filtered = (db, from, to, tlp) =>
        db.Briefings.AsNoTracking().Where(IsReadable)
            .Where(b => (from == null || b.EditionDate >= from) && (to == null || b.EditionDate <= to) && (tlp == null || b.Tlp == tlp));

    /// <summary>Those of <see cref="Filtered"/> that match the text.</summary>
    private static readonly Expression<Func<AppDbContext, string, DateOnly?, DateOnly?, TlpLabel?, IQueryable<Briefing>>> Matching = (db, text, from, to, tlp) =>
        Filtered.Invoke(db, from, to, tlp).Where(b => b.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", text)));

    /// <summary>
    /// The search without a text, compiled (LinqKit's <c>Expand</c> inlines the filters): a page of the filtered
    /// briefings newest first, each row with their count.
    /// </summary>
    private static readonly Func<AppDbContext, DateOnly?, DateOnly?, TlpLabel?, int, int, IAsyncEnumerable<CountedHit>> ListQuery = EF.CompileAsyncQuery(
        ((Expression<Func<AppDbContext, DateOnly?, DateOnly?, TlpLabel?, int, int, IQueryable<CountedHit>>>)((db, from, to, tlp, skip, take) =>
            Filtered.Invoke(db, from, to, tlp)
                .OrderByDescending(b => b.EditionDate)
                .Skip(skip).Take(take)
                .Select(b => new CountedHit(b.EditionDate, b.Title, b.Tlp, null, Filtered.Invoke(db, from, to, tlp).Count())))).Expand());

    /// <summary>
    /// The search with a text, compiled: a page of the matches ranked by <c>ts_rank_cd</c>, then newest first, each
    /// with its highlighted passage and the count of the matches.
    /// </summary>
    private static readonly Func<AppDbContext, string, DateOnly?, DateOnly?, TlpLabel?, int, int, IAsyncEnumerable<CountedHit>> TextQuery = EF.CompileAsyncQuery(
        ((Expression<Func<AppDbContext, string, DateOnly?, DateOnly?, TlpLabel?, int, int, IQueryable<CountedHit>>>)((db, text, from, to, tlp, skip, take) =>
            Matching.Invoke(db, text, from, to, tlp)
                .OrderByDescending(b => b.SearchVector.RankCoverDensity(EF.Functions.WebSearchToTsQuery("english", text)))
                .ThenByDescending(b => b.EditionDate)
                .Skip(skip).Take(take)
                .Select(b => new CountedHit(
                    b.EditionDate,
                    b.Title,
                    b.Tlp,
                    EF.Functions.WebSearchToTsQuery("english", text).GetResultHeadline("english", b.BodyMarkdown, SnippetHighlighter.HeadlineOptions),
                    Matching.Invoke(db, text, from, to, tlp).Count())))).Expand());

    /// <summary>The newest readable briefings for the Atom feed.</summary>
    public async Task<IReadOnlyList<FeedEntry>> FeedEntriesAsync(CancellationToken cancellationToken) =>
        await Readable
            .OrderByDescending(b => b.EditionDate)
            .Take(FeedSize)
            .Select(b => new FeedEntry(
                b.EditionDate,
                b.Title,
                b.BodyHtml,
                b.Tlp,
                EF.Property<List<VulnerabilityEntry>>(b, "_vulnerabilities"),
                b.PublishedAt ?? b.UpdatedAt,
                b.UpdatedAt))
            .ToListAsync(cancellationToken);

    private sealed record EditionKey(DateOnly EditionDate);

    private sealed record CountedHit(DateOnly EditionDate, string Title, TlpLabel Tlp, string? Headline, int Total);
}
