namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>A ledger row a sender has leased, with the member's address as it is now (not as it was at 07:00).</summary>
internal sealed record ClaimedDelivery(long Id, string MemberId, int Attempts, string? Email, string FullName, bool EmailConfirmed, bool Suspended, bool OptedOut, bool Undeliverable)
{
    /// <summary>Why the member may no longer receive the briefing, or null when they may.</summary>
    public string? IneligibleReason => (Email, EmailConfirmed, Suspended, OptedOut) switch
    {
        (_, _, _, true) => "Not sent: the member unsubscribed before delivery.",
        (_, _, true, _) => "Not sent: the membership was suspended, lapsed or ended before delivery.",
        (null or "", _, _, _) or (_, false, _, _) => "Not sent: the member has no confirmed email address.",
        _ when Undeliverable => UndeliverableReason,
        _ => null,
    };

    public const string UndeliverableReason = "Not sent: the address is marked undeliverable (it bounced).";
}
