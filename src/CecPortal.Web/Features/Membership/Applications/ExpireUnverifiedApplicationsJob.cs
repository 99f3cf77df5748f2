using CecPortal.Web.Features.Privacy;

namespace CecPortal.Web.Features.Membership.Applications;

/// <summary>
/// Deletes applications whose email address was not verified within <c>Retention:UnverifiedApplications</c>
/// (7 days by default; they never reached a vetter), in batches.
/// </summary>
public sealed class ExpireUnverifiedApplicationsJob(AppDbContext db, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<ExpireUnverifiedApplicationsJob> logger)
{
    public const string RecurringJobId = "membership-expire-unverified";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value;
        var cutoff = clock.GetUtcNow() - retention.UnverifiedApplications;
        var deleted = await RetentionJobs.DeleteInBatchesAsync(
            retention.BatchSize,
            batch => db.MembershipApplications
                .Where(a => db.MembershipApplications
                    .Where(o => o.Status == ApplicationStatus.Unverified && o.CreatedAt < cutoff)
                    .OrderBy(o => o.CreatedAt)
                    .Take(batch)
                    .Select(o => o.Id)
                    .Contains(a.Id))
                .ExecuteDeleteAsync(cancellationToken));
        if (deleted > 0)
        {
            logger.LogInformation("Retention: deleted {Count} unverified membership applications.", deleted);
        }

        return deleted;
    }
}
