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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var members = db.UsersInRole(Roles.Member).AsNoTracking().InGoodStanding().Where(u => !u.HiddenFromDirectory);
        CountryOptions = await db.Countries.AsNoTracking()
            .Where(c => members.Any(u => u.CountryCode == c.Code))
            .OrderBy(c => c.Name)
            .Select(c => new FilterOption(c.Code, c.Name))
            .ToListAsync(cancellationToken);
        SectorOptions = await db.Sectors.AsNoTracking()
            .Where(s => members.Any(u => u.SectorCode == s.Code))
            .OrderBy(s => s.SortOrder)
            .Select(s => new FilterOption(s.Code, s.Name))
            .ToListAsync(cancellationToken);

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
            .ToPageAsync(PageNumber, PageSize, cancellationToken);
    }
}
