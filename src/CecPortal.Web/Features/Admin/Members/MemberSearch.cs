using CecPortal.Web.Features.MemberDirectory;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Admin.Members;

/// <summary>The one query behind the member list, its CSV export and the filter drop-downs.</summary>
public sealed class MemberSearch(AppDbContext db, TimeProvider clock)
{
    public sealed record FilterOption(string Code, string Name);

    public sealed record FilterOptions(IReadOnlyList<FilterOption> Countries, IReadOnlyList<FilterOption> Sectors);

    /// <summary>The countries and sectors that at least one member has, for the drop-downs (and as the valid country codes).</summary>
    public async Task<FilterOptions> OptionsAsync(CancellationToken cancellationToken)
    {
        var members = db.UsersInRole(Roles.Member).AsNoTracking();
        var countries = await db.Countries.AsNoTracking()
            .Where(c => members.Any(u => u.CountryCode == c.Code))
            .OrderBy(c => c.Name)
            .Select(c => new FilterOption(c.Code, c.Name))
            .ToListAsync(cancellationToken);
        var sectors = await db.Sectors.AsNoTracking()
            .Where(s => members.Any(u => u.SectorCode == s.Code))
            .OrderBy(s => s.SortOrder)
            .Select(s => new FilterOption(s.Code, s.Name))
            .ToListAsync(cancellationToken);
        return new FilterOptions(countries, sectors);
    }

    /// <summary>Members matching <paramref name="filter"/>, ordered by name; an unknown country or status matches nobody.</summary>
    public IQueryable<PortalUser> Members(MemberFilter filter, FilterOptions options)
    {
        var members = db.UsersInRole(Roles.Member).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var pattern = SearchPattern.Contains(filter.Query);
            members = members.Where(u =>
                EF.Functions.ILike(u.FullName, pattern, SearchPattern.EscapeCharacter)
                || EF.Functions.ILike(u.Email!, pattern, SearchPattern.EscapeCharacter)
                || EF.Functions.ILike(u.Organisation!, pattern, SearchPattern.EscapeCharacter));
        }

        members = members.InCountryAndSector(filter.Country, filter.Sector, options.Countries.Select(c => c.Code));
        return WithStatus(members, filter.Status).OrderBy(u => u.FullName).ThenBy(u => u.Id);
    }

    private IQueryable<PortalUser> WithStatus(IQueryable<PortalUser> members, string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return members;
        }

        var now = clock.GetUtcNow();
        return status.Trim().ToLowerInvariant() switch
        {
            MemberStatuses.Active => members.ActiveMembers(),
            MemberStatuses.Suspended => members.Where(u => u.SuspendedAt != null),
            MemberStatuses.NeverSignedIn => members.Where(u =>
                !db.AuditEntries.Any(e => e.Subject == "user:" + u.Id && e.Action == SecurityEvents.SignInSucceeded)),
            MemberStatuses.PrivacyPending => members.Where(u =>
                !db.PrivacyAcceptances.Any(a => a.UserId == u.Id && a.Version == db.PrivacyNotices.Max(n => n.Version))),
            MemberStatuses.Due => members.Where(u => u.LeftAt == null && u.LapsedAt == null && u.AttestationDueAt <= now),
            MemberStatuses.Lapsed => members.Where(u => u.LeftAt == null && u.LapsedAt != null),
            MemberStatuses.Alumni => members.Where(u => u.LeftAt != null),
            MemberStatuses.Revetting => members.Where(u => db.ProfileReviews.Any(r => r.UserId == u.Id && r.Status == ProfileReviewStatus.Pending)),
            MemberStatuses.Undeliverable => members.Where(u => u.UndeliverableSince != null),
            _ => members.Where(u => false),
        };
    }
}
