using CecPortal.Web.Features.Membership.Reference;

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
    /// Two round trips: the filters' options (the countries and sectors members are in, read as the pairs that occur)
    /// and the page of members with their count.
    /// </summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var members = db.UsersInRole(Roles.Member).AsNoTracking().InGoodStanding().Where(u => !u.HiddenFromDirectory);
        var pairs = await (from p in members.Select(u => new { u.CountryCode, u.SectorCode }).Distinct()
                           join c in db.Countries on p.CountryCode equals c.Code into countries
                           from c in countries.DefaultIfEmpty()
                           join x in db.Sectors on p.SectorCode equals x.Code into sectors
                           from x in sectors.DefaultIfEmpty()
                           select new
                           {
                               Country = c == null ? null : new FilterOption(c.Code, c.Name),
                               Sector = x == null ? null : new FilterOption(x.Code, x.Name),
                               SectorOrder = x == null ? 0 : x.SortOrder,
                           })
            .ToListAsync(cancellationToken);
        CountryOptions = [.. pairs.Where(p => p.Country is not null).Select(p => p.Country!).DistinctBy(c => c.Code, StringComparer.Ordinal)
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)];
        SectorOptions = [.. pairs.Where(p => p.Sector is not null).OrderBy(p => p.SectorOrder).Select(p => p.Sector!).DistinctBy(x => x.Code, StringComparer.Ordinal)];

        members = members.InCountryAndSector(Country, Sector, CountryOptions.Select(c => c.Code));

        Listing = await members
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .WithPlaceNames(db)
            .Select(x => new DirectoryEntry(
                x.User.FullName,
                x.User.JobTitle,
                x.User.Organisation,
                x.CountryName,
                x.SectorName))
            .ToPageInOneQueryAsync(PageNumber, PageSize, cancellationToken);
    }
}
