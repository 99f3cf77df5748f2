using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.Web.Features.Admin.Vetting;

/// <summary>
/// The vetting queue query: verified applications in scope, oldest first, filtered and paged. Served by the
/// (status, verified_at) and (country|sector, status, verified_at) indexes; see bench/ for its timings at 100,000 rows.
/// </summary>
public sealed class VettingQueue(AppDbContext db)
{
    public const int PageSize = 25;

    public async Task<QueuePage> QueryAsync(VettingScope scope, QueueFilter filter, int page, CancellationToken cancellationToken)
    {
        var query = db.MembershipApplications.AsNoTracking();
        query = filter.Status is { } status
            ? query.Where(a => a.Status == status && a.Status != ApplicationStatus.Unverified)
            // Written out (not a Contains over an array parameter) so the SQL matches the open-queue partial index.
            : query.Where(a => a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InReview || a.Status == ApplicationStatus.InformationRequested);
        if (!scope.IsAdmin)
        {
            var countries = scope.Countries.ToList();
            var sectors = scope.Sectors.ToList();
            query = query.Where(a => countries.Contains(a.CountryCode) || sectors.Contains(a.SectorCode));
        }

        if (!string.IsNullOrEmpty(filter.Country))
        {
            query = query.Where(a => a.CountryCode == filter.Country);
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            query = query.Where(a => a.SectorCode == filter.Sector);
        }

        if (filter.Flag is { } flag)
        {
            query = query.Where(a => a.Flags.Any(x => x.Kind == flag));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(a => a.VerifiedAt).ThenBy(a => a.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(a => new QueueRow(
                a.Id, a.FullName, a.JobTitle, a.Organisation, a.Country!.Name, a.Sector!.Name, a.Status, a.VerifiedAt, a.SponsorResponse,
                a.Flags.OrderBy(x => x.Kind).Select(x => x.Kind).ToList()))
            .ToListAsync(cancellationToken);
        return new QueuePage(total, rows);
    }
}
