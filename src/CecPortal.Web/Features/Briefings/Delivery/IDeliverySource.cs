using MimeKit;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// What one kind of ledger subject (a briefing, an urgent alert) brings to the shared fan-out: the message to send
/// and what follows the last delivery. The ledger, the leases, the senders and the retries are the fan-out's, shared.
/// </summary>
public interface IDeliverySource
{
    DeliveryKind Kind { get; }

    /// <summary>The telemetry name of this kind's emails.</summary>
    string TelemetryKind { get; }

    /// <summary>
    /// Renders the subject once for a send pass, or returns null when nothing may go out now (it was withdrawn, or its
    /// label forbids email). Runs before the senders start, on the caller's context: a source may settle rows of members
    /// who may no longer receive it here, in one statement.
    /// </summary>
    Task<IDeliveryTemplate?> PrepareAsync(Guid subjectId, CancellationToken cancellationToken);

    /// <summary>Called once no row of the subject is pending; returns whether this call completed it.</summary>
    Task<bool> CompleteAsync(Guid subjectId, CancellationToken cancellationToken);
}

/// <summary>A subject rendered once for a send pass; each message only fills in its recipient.</summary>
public interface IDeliveryTemplate
{
    /// <summary>A new message for one recipient, with a Message-ID stable per (subject, member) so a client folds a duplicate.</summary>
    MimeMessage ToMime(BriefingRecipient recipient, MailboxAddress address);
}
