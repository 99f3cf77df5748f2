using CecPortal.Web.Features.Briefings;

namespace CecPortal.Web.Features.Admin.Briefings;

/// <summary>Every briefing, newest edition first, for Editors and Admins.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public BriefingStatus? Status { get; set; }

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<BriefingRow> Listing { get; private set; } = null!;

    public sealed record BriefingRow(Guid Id, DateOnly EditionDate, string Title, TlpLabel Tlp, BriefingStatus Status, int Revision, string? UpdatedByName, DateTimeOffset UpdatedAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var briefings = db.Briefings.AsNoTracking();
        if (Status is { } status)
        {
            briefings = briefings.Where(b => b.Status == status);
        }

        Listing = await briefings
            .OrderByDescending(b => b.EditionDate)
            .Select(b => new BriefingRow(
                b.Id,
                b.EditionDate,
                b.Title,
                b.Tlp,
                b.Status,
                b.Revision,
                db.Users.Where(u => u.Id == b.UpdatedById).Select(u => u.FullName).FirstOrDefault(),
                b.UpdatedAt))
            .ToPageAsync(PageNumber, PageSize, cancellationToken);
    }
}
