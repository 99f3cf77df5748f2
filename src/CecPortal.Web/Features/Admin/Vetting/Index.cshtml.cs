using System.Security.Claims;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.Web.Features.Admin.Vetting;

/// <summary>The vetting queue: verified applications in the vetter's scope, oldest first (folder policy: Vetter or Admin).</summary>
public sealed class IndexModel(AppDbContext db, VettingQueue queue) : PageModel
{
    public sealed record Choice(string Code, string Name);

    public string? Country { get; private set; }

    public string? Sector { get; private set; }

    public ApplicationStatus? Status { get; private set; }

    public FlagKind? Flag { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public IReadOnlyList<Choice> Countries { get; private set; } = [];

    public IReadOnlyList<Choice> Sectors { get; private set; } = [];

    public VettingScope Scope { get; private set; } = null!;

    /// <summary>Members' changes of organisation, country or sector waiting in this vetter's scope (light re-vetting).</summary>
    public int ProfileChangesWaiting { get; private set; }

    public int PageCount => Math.Max(1, (Total + VettingQueue.PageSize - 1) / VettingQueue.PageSize);

    public async Task OnGetAsync(string? country, string? sector, ApplicationStatus? status, FlagKind? flag, int page = 1, CancellationToken cancellationToken = default)
    {
        // The filters come from the query string; PostgreSQL text cannot hold NUL, so a hand-made one matches nothing instead of failing.
        (country, sector) = (country?.Replace('\0', '\uFFFD'), sector?.Replace('\0', '\uFFFD'));
        (Country, Sector, Status, Flag) = (country, sector, status, flag);
        PageNumber = Math.Max(1, page);

        // Two statements for the page: the filter choices with the vetter's scope marked on them, then the queue itself
        // (rows, total and waiting profile changes together; see VettingQueue).
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var isAdmin = User.IsInRole(Roles.Admin);
        var choices = await db.Countries.AsNoTracking()
            .Select(c => new { Sector = false, c.Code, c.Name, Order = 0, c.IsEligible, InScope = db.VetterCountries.Any(v => v.UserId == userId && v.CountryCode == c.Code) })
            .Where(c => c.IsEligible || c.InScope)
            .Concat(db.Sectors.AsNoTracking()
                .Select(s => new { Sector = true, s.Code, s.Name, Order = s.SortOrder, IsEligible = true, InScope = db.VetterSectors.Any(v => v.UserId == userId && v.SectorCode == s.Code) }))
            .OrderBy(c => c.Sector).ThenBy(c => c.Order).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken);

        // As VettingScopes.ForAsync: an Admin's scope is everything, whatever vetter assignments the account also holds.
        Scope = new VettingScope(
            isAdmin,
            isAdmin ? new HashSet<string>() : choices.Where(c => !c.Sector && c.InScope).Select(c => c.Code).ToHashSet(),
            isAdmin ? new HashSet<string>() : choices.Where(c => c.Sector && c.InScope).Select(c => c.Code).ToHashSet());
        Countries = [.. choices.Where(c => !c.Sector && (c.IsEligible || Scope.Countries.Contains(c.Code))).Select(c => new Choice(c.Code, c.Name))];
        Sectors = [.. choices.Where(c => c.Sector).Select(c => new Choice(c.Code, c.Name))];

        var queuePage = await queue.QueryAsync(Scope, new QueueFilter(country, sector, status, flag), PageNumber, cancellationToken);
        (Total, Rows, ProfileChangesWaiting) = (queuePage.Total, queuePage.Rows, queuePage.ProfileChangesWaiting);
    }
}
