namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// Stores messages in the database with the change that caused them; <see cref="EnqueueAfterCommitInterceptor"/>
/// hands their ids to Hangfire, which delivers them with retries, once that change is committed. <see cref="Add"/>
/// joins the caller's unit of work: the caller saves (and commits) as it would anyway.
/// </summary>
public sealed class EmailOutbox(AppDbContext db, TimeProvider clock, OutboxProtection protection, EnqueueAfterCommitInterceptor afterCommit)
{
    public Guid Add(EmailMessage message)
    {
        var email = OutboundEmail.From(message, clock.GetUtcNow(), protection);
        db.OutboundEmails.Add(email);
        afterCommit.Expect(email);
        return email.Id;
    }

    /// <summary>Stores one message on its own; it is enqueued as the save commits.</summary>
    public async Task<Guid> QueueAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var id = Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }
}
