using Hangfire;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>Re-enqueues messages whose delivery job was never recorded (for example, a crash between save and enqueue).</summary>
public sealed class EmailOutboxSweepJob(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "email-outbox-sweep";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddMinutes(-5);
        var stranded = await db.OutboundEmails
            .Where(e => e.SentAt == null && e.Attempts == 0 && e.CreatedAt < cutoff)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in stranded)
        {
            jobs.Enqueue<DeliverEmailJob>(job => job.RunAsync(id, CancellationToken.None));
        }
    }
}
