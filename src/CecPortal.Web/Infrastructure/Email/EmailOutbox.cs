using CecPortal.Web.Data;
using Hangfire;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// Stores messages in the database with the change that caused them, then hands their ids to Hangfire, which
/// delivers them with retries. <see cref="Add"/> joins the caller's unit of work; <see cref="EnqueuePending"/>
/// must follow the commit, so a delivery job never looks for a row that is not there yet.
/// </summary>
public sealed class EmailOutbox(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    private readonly List<Guid> _pending = [];

    public Guid Add(EmailMessage message)
    {
        var email = OutboundEmail.From(message, clock.GetUtcNow());
        db.OutboundEmails.Add(email);
        _pending.Add(email.Id);
        return email.Id;
    }

    public void EnqueuePending()
    {
        foreach (var id in _pending)
        {
            jobs.Enqueue<DeliverEmailJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        _pending.Clear();
    }

    /// <summary>Stores and enqueues one message on its own.</summary>
    public async Task<Guid> QueueAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var id = Add(message);
        await db.SaveChangesAsync(cancellationToken);
        EnqueuePending();
        return id;
    }
}
