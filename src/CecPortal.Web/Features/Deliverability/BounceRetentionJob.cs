using CecPortal.Web.Features.Privacy;

namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// Bounce records are delivery details: they are deleted after <c>Retention:DeliveryDetails</c>, like the ledger rows
/// they explain. The mark on the member's account stays until the member confirms or changes the address.
/// </summary>
public sealed class BounceRetentionJob(AppDbContext db, TimeProvider clock, IOptions<RetentionOptions> retention, ILogger<BounceRetentionJob> logger)
{
    public const string RecurringJobId = "retention-mail-bounces";
    public const string Cron = "38 2 * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - retention.Value.DeliveryDetails;
        var deleted = await db.MailBounces.Where(b => b.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Retention: {Count} bounce records deleted.", deleted);
        }

        return deleted;
    }
}
