using Hangfire;

namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>
/// Hands over notices whose sending job was never enqueued (saved just before the database went away): every notice
/// not fully queued five minutes after it was saved. Running the sending job twice mails nobody twice.
/// </summary>
public sealed class BreachNoticeSweepJob(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "breach-notice-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddMinutes(-5);
        var stranded = await db.BreachNotices.AsNoTracking()
            .Where(n => n.QueuedAt == null && n.CreatedAt < cutoff)
            .Select(n => n.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in stranded)
        {
            jobs.Enqueue<SendBreachNoticeJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        return stranded.Count;
    }
}
