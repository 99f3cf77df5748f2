using CecPortal.Web.Features.Membership.Reference;

namespace CecPortal.Web.Features.Admin.Members;

/// <summary>The member list for Admins: search, filters, paging, and the CSV export of the filtered list (POST, audited).</summary>
public sealed class IndexModel(AppDbContext db, MemberSearch search, MemberExport export) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<MemberRow> Listing { get; private set; } = null!;

    public IReadOnlyList<MemberSearch.FilterOption> CountryOptions { get; private set; } = [];

    public IReadOnlyList<MemberSearch.FilterOption> SectorOptions { get; private set; } = [];

    public sealed record MemberRow(string Id, string FullName, string? Email, string? Organisation, string? CountryName, string? SectorName, bool IsSuspended)
    {
        /// <summary>Lapsed for want of confirming their role (issue 18).</summary>
        public bool IsLapsed { get; init; }

        /// <summary>Left their role with an alumni record (issue 18).</summary>
        public bool IsAlumni { get; init; }
    }

    private MemberFilter Filter => new(Query, Country, Sector, Status);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var options = await search.OptionsAsync(cancellationToken);
        (CountryOptions, SectorOptions) = (options.Countries, options.Sectors);
        Listing = await search.Members(Filter, options)
            .WithPlaceNames(db)
            .Select(x => new MemberRow(
                x.User.Id,
                x.User.FullName,
                x.User.Email,
                x.User.Organisation,
                x.CountryName,
                x.SectorName,
                x.User.SuspendedAt != null)
            {
                IsLapsed = x.User.LapsedAt != null,
                IsAlumni = x.User.LeftAt != null,
            })
            .ToPageAsync(PageNumber, PageSize, cancellationToken);
    }

    /// <summary>The whole filtered list (every page) as a CSV download.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        var file = await export.ExportAsync(Filter, Actor.Of(User), cancellationToken);
        return File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }
}
