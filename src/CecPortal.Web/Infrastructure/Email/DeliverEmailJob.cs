using Hangfire;
using MailKit.Net.Smtp;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>Delivers one outbound email by id. Running it again after success does nothing.</summary>
public sealed class DeliverEmailJob(AppDbContext db, EmailSender sender, OutboxProtection protection, IAddressProblems addressProblems, TimeProvider clock, ILogger<DeliverEmailJob> logger)
{
    public const string UndeliverableError = "Not sent: the address is marked undeliverable (it bounced); mailings resume once its owner confirms or changes it.";

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
            var message = email.ToMessage(protection);

            // Mailings (they carry an unsubscribe link) stop at a bounced address; account mail (sign-in links, the
            // confirmation of a new address, erasure notices) is still tried: it may be how the owner repairs the address.
            if (message.ListUnsubscribeUrl is not null && await addressProblems.IsUndeliverableAsync(email.To, CancellationToken.None))
            {
                email.MarkFailed(UndeliverableError);
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }

            await sender.SendAsync(message, outboundEmailId, CancellationToken.None);
            email.MarkSent(clock.GetUtcNow());
        }
        catch (SmtpCommandException refusal) when ((int)refusal.StatusCode is >= 500 and < 600)
        {
            // A permanent refusal: trying again gives the same answer. It counts like a bounce of the address.
            var error = $"SMTP {(int)refusal.StatusCode} {refusal.ErrorCode}: {refusal.Message}";
            email.MarkFailed(error);
            await db.SaveChangesAsync(CancellationToken.None);
            await addressProblems.RecordRefusalAsync(outboundEmailId, email.To, (int)refusal.StatusCode, error, CancellationToken.None);
            logger.LogWarning("Outbound email {OutboundEmailId} was refused permanently by the SMTP server; not retried.", outboundEmailId);
            return;
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
