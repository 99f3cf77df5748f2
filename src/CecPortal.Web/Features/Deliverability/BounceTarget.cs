namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// What a bounce is about, found from its return-path token: the member, the message (ledger row or outbox email), and
/// when that message was sent (a bounce of mail sent before the member confirmed or changed the address marks nothing).
/// </summary>
public sealed record BounceTarget(string? MemberId, long? DeliveryId, Guid? BriefingId, Guid? OutboundEmailId, DateTimeOffset? SentAt)
{
    public static BounceTarget Unknown { get; } = new(null, null, null, null, null);
}
