using CecPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.Web.Features.Membership;

/// <summary>Deletes applications whose email address was not verified within 7 days (they never reached a vetter).</summary>
public sealed class ExpireUnverifiedApplicationsJob(AppDbContext db, TimeProvider clock, ILogger<ExpireUnverifiedApplicationsJob> logger)
{
    public const string RecurringJobId = "membership-expire-unverified";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - MembershipApplication.VerificationWindow;
        var deleted = await db.MembershipApplications
            .Where(a => a.Status == ApplicationStatus.Unverified && a.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} unverified membership applications older than 7 days.", deleted);
        }

        return deleted;
    }
}
