namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// The delivery ledger: one row per (briefing, member), inserted with <c>ON CONFLICT DO NOTHING</c> so that a
/// repeated fan-out never adds a second row. A chunk job leases pending rows (<see cref="ClaimedUntil"/>, taken
/// with <c>FOR UPDATE SKIP LOCKED</c>) and marks each one sent right after the server's 250 reply.
/// </summary>
public sealed class BriefingDelivery
{
    public const int MaxErrorLength = 500;

    public long Id { get; private set; }

    public Guid BriefingId { get; private set; }

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
