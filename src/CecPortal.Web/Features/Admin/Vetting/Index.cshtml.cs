using System.Security.Claims;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Membership;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.Web.Features.Admin.Vetting;

/// <summary>The vetting queue: verified applications in the vetter's scope, oldest first (folder policy: Vetter or Admin).</summary>
public sealed class IndexModel(AppDbContext db, VettingScopes scopes) : PageModel
{
    public const int PageSize = 25;

    private static readonly ApplicationStatus[] OpenStatuses = [ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.InformationRequested];

    public sealed record QueueRow(
        Guid Id,
        string FullName,
        string JobTitle,
        string Organisation,
        string CountryName,
        string SectorName,
        ApplicationStatus Status,
        DateTimeOffset? VerifiedAt,
        SponsorResponse Sponsor,
        IReadOnlyList<FlagKind> Flags);

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

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? country, string? sector, ApplicationStatus? status, FlagKind? flag, int page = 1, CancellationToken cancellationToken = default)
    {
        // The filters come from the query string; PostgreSQL text cannot hold NUL, so a hand-made one matches nothing instead of failing.
        (country, sector) = (country?.Replace('\0', '\uFFFD'), sector?.Replace('\0', '\uFFFD'));
        (Country, Sector, Status, Flag) = (country, sector, status, flag);
        PageNumber = Math.Max(1, page);
        Scope = await scopes.ForAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.IsInRole(Roles.Admin), cancellationToken);

        var query = db.MembershipApplications.AsNoTracking();
        query = status is { } s ? query.Where(a => a.Status == s) : query.Where(a => OpenStatuses.Contains(a.Status));
        query = query.Where(a => a.Status != ApplicationStatus.Unverified);
        if (!Scope.IsAdmin)
        {
            var countries = Scope.Countries.ToList();
            var sectors = Scope.Sectors.ToList();
            query = query.Where(a => countries.Contains(a.CountryCode) || sectors.Contains(a.SectorCode));
        }

        if (!string.IsNullOrEmpty(country))
        {
            query = query.Where(a => a.CountryCode == country);
        }

        if (!string.IsNullOrEmpty(sector))
        {
            query = query.Where(a => a.SectorCode == sector);
        }

        if (flag is { } f)
        {
            query = query.Where(a => a.Flags.Any(x => x.Kind == f));
        }

        Total = await query.CountAsync(cancellationToken);
        Rows = await query
            .OrderBy(a => a.VerifiedAt).ThenBy(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new QueueRow(
                a.Id, a.FullName, a.JobTitle, a.Organisation, a.Country!.Name, a.Sector!.Name, a.Status, a.VerifiedAt, a.SponsorResponse,
                a.Flags.OrderBy(x => x.Kind).Select(x => x.Kind).ToList()))
            .ToListAsync(cancellationToken);

        var scopeCountries = Scope.Countries.ToList();
        Countries = await db.Countries.AsNoTracking()
            .Where(c => c.IsEligible || scopeCountries.Contains(c.Code)).OrderBy(c => c.Name).Select(c => new Choice(c.Code, c.Name)).ToListAsync(cancellationToken);
        Sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new Choice(s.Code, s.Name)).ToListAsync(cancellationToken);
    }
}
