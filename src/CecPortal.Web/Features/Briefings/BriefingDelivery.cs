namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// The delivery ledger: one row per (subject, member), inserted with <c>ON CONFLICT DO NOTHING</c> so that a
/// repeated fan-out never adds a second row. The subject is a briefing or an urgent alert of the sharing space
/// (<see cref="Delivery.DeliveryKind"/>): exactly one of <see cref="BriefingId"/> and <see cref="UrgentAlertId"/> is set,
/// each a foreign key of its own, so both kinds share one ledger and one fan-out and each row still cascades with its subject. A chunk job leases pending rows (<see cref="ClaimedUntil"/>, taken
/// with <c>FOR UPDATE SKIP LOCKED</c>) and marks each one sent right after the server's 250 reply.
/// </summary>
public sealed class BriefingDelivery
{
    public const int MaxErrorLength = 500;

    public long Id { get; private set; }

    /// <summary>The briefing sent, for a <see cref="Delivery.DeliveryKind.Briefing"/> row.</summary>
    public Guid? BriefingId { get; private set; }

    /// <summary>The urgent alert sent, for a <see cref="Delivery.DeliveryKind.UrgentAlert"/> row.</summary>
    public Guid? UrgentAlertId { get; private set; }

    public string MemberId { get; private set; } = string.Empty;

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>Earliest time of the next attempt after a transient failure (back-off).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>While in the future, a chunk job owns the row; a crashed job's lease simply runs out.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public static string TrimError(string error) => error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
}
