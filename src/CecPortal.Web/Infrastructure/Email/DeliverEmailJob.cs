using Hangfire;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>Delivers one outbound email by id. Running it again after success does nothing.</summary>
public sealed class DeliverEmailJob(AppDbContext db, EmailSender sender, OutboxProtection protection, TimeProvider clock, ILogger<DeliverEmailJob> logger)
{
    [AutomaticRetry(Attempts = 8)]
    public async Task RunAsync(Guid outboundEmailId, CancellationToken cancellationToken)
    {
        var email = await db.OutboundEmails.SingleOrDefaultAsync(e => e.Id == outboundEmailId, cancellationToken);
        if (email is null || email.SentAt is not null)
        {
            return;
        }

        // A stopping server hands the job back before it starts talking to SMTP; once started, the send finishes
        // (MailKit's own timeout bounds it), so a message never goes out without being marked sent.
        cancellationToken.ThrowIfCancellationRequested();
        email.RecordAttempt();
        try
        {
            await sender.SendAsync(email.ToMessage(protection), CancellationToken.None);
            email.MarkSent(clock.GetUtcNow());
        }
        catch (Exception ex)
        {
            email.MarkFailed($"{ex.GetType().Name}: {ex.Message}");
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Delivery of outbound email {OutboundEmailId} failed (attempt {Attempt}); Hangfire will retry.", outboundEmailId, email.Attempts);

            // Hangfire logs what a job throws; an SMTP server's reply may quote the recipient, so the log gets the
            // error's type only. The full text is in the outbox row (LastError) for staff.
            throw new EmailDeliveryException($"Delivery of outbound email {outboundEmailId} failed with {ex.GetType().Name}; the error is recorded on the outbox row.");
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }
}
