using System.Security.Claims;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.Web.Features.Admin.Vetting;

/// <summary>The vetting queue: verified applications in the vetter's scope, oldest first (folder policy: Vetter or Admin).</summary>
public sealed class IndexModel(AppDbContext db, VettingScopes scopes, VettingQueue queue, ProfileChangeReviews profileChanges) : PageModel
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
        Scope = await scopes.ForAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.IsInRole(Roles.Admin), cancellationToken);
        (Total, Rows) = await queue.QueryAsync(Scope, new QueueFilter(country, sector, status, flag), PageNumber, cancellationToken);
        ProfileChangesWaiting = await profileChanges.CountWaitingAsync(Scope, cancellationToken);

        var scopeCountries = Scope.Countries.ToList();
        Countries = await db.Countries.AsNoTracking()
            .Where(c => c.IsEligible || scopeCountries.Contains(c.Code))
            .OrderBy(c => c.Name).Select(c => new Choice(c.Code, c.Name)).ToListAsync(cancellationToken);
        Sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new Choice(s.Code, s.Name)).ToListAsync(cancellationToken);
    }
}
