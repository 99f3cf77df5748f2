using System.Security.Claims;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.Web.Features.Admin.Vetting.ProfileChanges;

/// <summary>Members' changes of organisation, country or sector in the vetter's scope (the NEW country or sector); folder policy: Vetter or Admin.</summary>
public sealed class IndexModel(AppDbContext db, VettingScopes scopes, ProfileChangeReviews reviews) : PageModel
{
    public static readonly IReadOnlyList<ProfileReviewStatus> Statuses =
        [ProfileReviewStatus.Pending, ProfileReviewStatus.Confirmed, ProfileReviewStatus.Refused, ProfileReviewStatus.Replaced, ProfileReviewStatus.Cancelled];

    public ProfileReviewStatus Status { get; private set; } = ProfileReviewStatus.Pending;

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<ProfileChangeRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CountryNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> SectorNames { get; private set; } = new Dictionary<string, string>();

    public VettingScope Scope { get; private set; } = null!;

    public int PageCount => Math.Max(1, (Total + ProfileChangeReviews.PageSize - 1) / ProfileChangeReviews.PageSize);

    public async Task OnGetAsync(ProfileReviewStatus? status, int page = 1, CancellationToken cancellationToken = default)
    {
        Status = status is { } s && Statuses.Contains(s) ? s : ProfileReviewStatus.Pending;
        PageNumber = Math.Max(1, page);
        Scope = await scopes.ForAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.IsInRole(Roles.Admin), cancellationToken);
        (Total, Rows) = await reviews.QueueAsync(Scope, Status, PageNumber, cancellationToken);
        CountryNames = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        SectorNames = await db.Sectors.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
    }

    public string Country(string? code) => code is null ? "not given" : CountryNames.GetValueOrDefault(code, code);

    public string Sector(string? code) => code is null ? "not given" : SectorNames.GetValueOrDefault(code, code);
}
