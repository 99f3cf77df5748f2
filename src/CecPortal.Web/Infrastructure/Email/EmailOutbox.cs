using CecPortal.Web.Data;
using Hangfire;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>Stores a message, then hands its id to Hangfire, which delivers it with retries.</summary>
public sealed class EmailOutbox(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<Guid> QueueAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var email = OutboundEmail.From(message, clock.GetUtcNow());
        db.OutboundEmails.Add(email);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<DeliverEmailJob>(job => job.RunAsync(email.Id, CancellationToken.None));
        return email.Id;
    }
}
