using System.Linq.Expressions;
using LinqKit;

namespace CecPortal.Web.Features.MemberDirectory;

/// <summary>
/// The member directory: who else is in the community, by country and sector. Suspended members and members who chose
/// to hide themselves (on their profile) are not listed.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<DirectoryEntry> Listing { get; private set; } = null!;

    public IReadOnlyList<FilterOption> CountryOptions { get; private set; } = [];

    public IReadOnlyList<FilterOption> SectorOptions { get; private set; } = [];

    public sealed record DirectoryEntry(string FullName, string? JobTitle, string? Organisation, string? CountryName, string? SectorName);

    public sealed record FilterOption(string Code, string Name);

    /// <summary>
    /// The members the directory lists in a country and a sector (null: any). Declared first: the compiled queries below
    /// read it as they are built.
    /// </summary>
    private static readonly Expression<Func<AppDbContext, string?, string?, IQueryable<PortalUser>>> Listed = (db, country, sector) =>
        db.UsersInRole(Roles.Member).InGoodStanding()
            .Where(u => !u.HiddenFromDirectory && (country == null || u.CountryCode == country) && (sector == null || u.SectorCode == sector));

    /// <summary>The countries and sectors listed members are in, read as the pairs that occur, compiled once.</summary>
    private static readonly Func<AppDbContext, IAsyncEnumerable<PlacePair>> PairsQuery = EF.CompileAsyncQuery(
        ((Expression<Func<AppDbContext, IQueryable<PlacePair>>>)(db =>
        from p in Listed.Invoke(db, null, null).Select(u => new { u.CountryCode, u.SectorCode }).Distinct()
        join c in db.Countries on p.CountryCode equals c.Code into countries
        from c in countries.DefaultIfEmpty()
        join x in db.Sectors on p.SectorCode equals x.Code into sectors
        from x in sectors.DefaultIfEmpty()
        select new PlacePair(
            c == null ? null : new FilterOption(c.Code, c.Name),
            x == null ? null : new FilterOption(x.Code, x.Name),
            x == null ? 0 : x.SortOrder))).Expand());

    /// <summary>
    /// A page of <see cref="Listed"/> in name order, each row carrying the count of the whole list (a scalar subquery
    /// PostgreSQL runs once), compiled once (LinqKit's <c>Expand</c> inlines the rule). The rows carry the place codes: the
    /// filters' options name every country and sector a listed member is in.
    /// </summary>
    private static readonly Func<AppDbContext, string?, string?, int, int, IAsyncEnumerable<CountedEntry>> PageQuery = EF.CompileAsyncQuery(
        ((Expression<Func<AppDbContext, string?, string?, int, int, IQueryable<CountedEntry>>>)((db, country, sector, skip, take) =>
            Listed.Invoke(db, country, sector)
                .OrderBy(u => u.FullName).ThenBy(u => u.Id)
                .Skip(skip).Take(take)
                .Select(u => new CountedEntry(u.FullName, u.JobTitle, u.Organisation, u.CountryCode, u.SectorCode, Listed.Invoke(db, country, sector).Count())))).Expand());

    /// <summary>
    /// Two round trips, both compiled queries: the filters' options and the page of members with their count.
    /// </summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pairs = await PairsQuery(db).ToListAsync(cancellationToken);
        CountryOptions = [.. pairs.Where(p => p.Country is not null).Select(p => p.Country!).DistinctBy(c => c.Code, StringComparer.Ordinal)
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)];
        SectorOptions = [.. pairs.Where(p => p.Sector is not null).OrderBy(p => p.SectorOrder).Select(p => p.Sector!).DistinctBy(x => x.Code, StringComparer.Ordinal)];

        var (anyCountry, country) = MemberFilters.CountryCode(Country, CountryOptions.Select(c => c.Code));
        var sector = MemberFilters.SectorCode(Sector);
        if (!anyCountry && country is null)
        {
            Listing = new PageOf<DirectoryEntry>([], 1, PageSize, 0);
            return;
        }

        var countries = CountryOptions.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        var sectors = SectorOptions.ToDictionary(x => x.Code, x => x.Name, StringComparer.Ordinal);
        Listing = await Paging.ToPageInOneQueryAsync(
            (skip, take) => PageQuery(db, country, sector, skip, take).ToListAsync(cancellationToken),
            r => r.Total,
            r => new DirectoryEntry(
                r.FullName, r.JobTitle, r.Organisation, r.CountryCode is null ? null : countries.GetValueOrDefault(r.CountryCode), r.SectorCode is null ? null : sectors.GetValueOrDefault(r.SectorCode)),
            PageNumber,
            PageSize);
    }

    private sealed record PlacePair(FilterOption? Country, FilterOption? Sector, int SectorOrder);

    private sealed record CountedEntry(string FullName, string? JobTitle, string? Organisation, string? CountryCode, string? SectorCode, int Total);
}
