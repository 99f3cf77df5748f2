using Hangfire;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// Stores messages in the database with the change that caused them, then hands their ids to Hangfire, which
/// delivers them with retries. <see cref="Add"/> joins the caller's unit of work; <see cref="EnqueuePending"/>
/// must follow the commit, so a delivery job never looks for a row that is not there yet.
/// </summary>
public sealed partial class EmailOutbox(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock, OutboxProtection protection, ILogger<EmailOutbox> logger)
{
    private readonly List<Guid> _pending = [];

    public Guid Add(EmailMessage message)
    {
        var email = OutboundEmail.From(message, clock.GetUtcNow(), protection);
        db.OutboundEmails.Add(email);
        _pending.Add(email.Id);
        return email.Id;
    }

    /// <summary>
    /// Hands the committed messages to Hangfire. The change is already saved, so a job store that cannot be reached
    /// (the database went away just after the commit) must not fail the request: the person would be told nothing was
    /// saved. The outbox sweep sends such a message within ten minutes.
    /// </summary>
    public void EnqueuePending()
    {
        foreach (var id in _pending)
        {
            try
            {
                jobs.Enqueue<DeliverEmailJob>(job => job.RunAsync(id, CancellationToken.None));
            }
            catch (BackgroundJobClientException ex)
            {
                LogNotEnqueued(logger, ex, id);
            }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} is saved but could not be handed to the job queue; the outbox sweep will send it.")]
    private static partial void LogNotEnqueued(ILogger logger, Exception exception, Guid emailId);
}
