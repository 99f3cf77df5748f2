using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Membership.Vetting;

namespace CecPortal.Web.Features.Admin.Vetting;

/// <summary>
/// The vetting queue query: verified applications in scope, oldest first, filtered and paged, in ONE statement. The
/// page's rows come from the open-queue partial index (verified_at, id) and carry two uncorrelated subqueries that
/// PostgreSQL computes once: the total, summed from <see cref="VettingQueueCount"/> (a few hundred rows kept by a
/// trigger) instead of counted over every open application in scope, and the profile changes waiting in the same scope.
/// Only the flag filter counts the applications themselves (the counts do not know flags). See bench/ for its timings
/// at 100,000 rows.
/// </summary>
public sealed class VettingQueue(AppDbContext db)
{
    public const int PageSize = 25;

    public async Task<QueuePage> QueryAsync(VettingScope scope, QueueFilter filter, int page, CancellationToken cancellationToken)
    {
        var applications = Applications(scope, filter);
        var total = filter.Flag is null
            ? Counts(scope, filter).Select(c => c.Count)
            : applications.Select(a => 1);
        var profileChanges = ProfileChangeReviews.WaitingInScope(db, scope);
        var rows = await applications
            .OrderBy(a => a.VerifiedAt).ThenBy(a => a.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                Row = new QueueRow(
                    a.Id, a.FullName, a.JobTitle, a.Organisation, a.Country!.Name, a.Sector!.Name, a.Status, a.VerifiedAt, a.SponsorResponse,
                    a.Flags.OrderBy(x => x.Kind).Select(x => x.Kind).ToList()),
                Total = total.Sum(),
                ProfileChanges = profileChanges.Count(),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            return new QueuePage(rows[0].Total, [.. rows.Select(r => r.Row)], rows[0].ProfileChanges);
        }

        // An empty page (an empty queue, or a page past its end) carries no totals: read them alone.
        return new QueuePage(await total.SumAsync(cancellationToken), [], await profileChanges.CountAsync(cancellationToken));
    }

    private IQueryable<MembershipApplication> Applications(VettingScope scope, QueueFilter filter)
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

        return query;
    }

    /// <summary>The same filter (bar flags) over the per country, sector and status counts.</summary>
    private IQueryable<VettingQueueCount> Counts(VettingScope scope, QueueFilter filter)
    {
        var query = db.VettingQueueCounts.AsNoTracking();
        query = filter.Status is { } status
            ? query.Where(c => c.Status == status && c.Status != ApplicationStatus.Unverified)
            : query.Where(c => c.Status == ApplicationStatus.Submitted || c.Status == ApplicationStatus.InReview || c.Status == ApplicationStatus.InformationRequested);
        if (!scope.IsAdmin)
        {
            var countries = scope.Countries.ToList();
            var sectors = scope.Sectors.ToList();
            query = query.Where(c => countries.Contains(c.CountryCode) || sectors.Contains(c.SectorCode));
        }

        if (!string.IsNullOrEmpty(filter.Country))
        {
            query = query.Where(c => c.CountryCode == filter.Country);
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            query = query.Where(c => c.SectorCode == filter.Sector);
        }

        return query;
    }
}
