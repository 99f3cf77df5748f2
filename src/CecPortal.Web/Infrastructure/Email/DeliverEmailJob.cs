using CecPortal.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>Delivers one outbound email by id. Running it again after success does nothing.</summary>
public sealed class DeliverEmailJob(AppDbContext db, EmailSender sender, TimeProvider clock, ILogger<DeliverEmailJob> logger)
{
    [AutomaticRetry(Attempts = 8)]
    public async Task RunAsync(Guid outboundEmailId, CancellationToken cancellationToken)
    {
        var email = await db.OutboundEmails.SingleOrDefaultAsync(e => e.Id == outboundEmailId, cancellationToken);
        if (email is null || email.SentAt is not null)
        {
            return;
        }

        email.RecordAttempt();
        try
        {
            await sender.SendAsync(email.ToMessage(), cancellationToken);
            email.MarkSent(clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            email.MarkFailed($"{ex.GetType().Name}: {ex.Message}");
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Delivery of outbound email {OutboundEmailId} failed (attempt {Attempt}); Hangfire will retry.", outboundEmailId, email.Attempts);
            throw;
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }
}

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
