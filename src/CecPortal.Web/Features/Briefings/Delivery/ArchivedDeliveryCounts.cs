namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// What remains of a briefing's delivery ledger once its per-member rows pass <c>Retention:DeliveryDetails</c>:
/// only the counts, so the delivery page of an old briefing still says how its send went.
/// </summary>
public sealed class ArchivedDeliveryCounts
{
    public Guid BriefingId { get; private set; }

    public int Sent { get; private set; }

    /// <summary>Failed deliveries, and pending ones that never went.</summary>
    public int Failed { get; private set; }

    public DateTimeOffset ArchivedAt { get; private set; }
}
