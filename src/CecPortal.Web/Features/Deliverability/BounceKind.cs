namespace CecPortal.Web.Features.Deliverability;

/// <summary>What a bounce says about the address. Stored as its number.</summary>
public enum BounceKind
{
    /// <summary>A permanent failure (5.x.x, or an SMTP 5xx reply): the address is marked undeliverable at once.</summary>
    Hard = 0,

    /// <summary>A temporary failure (4.x.x: mailbox full, server down): counted; too many in a window count as hard.</summary>
    Soft = 1,

    /// <summary>The recipient reported the message as spam (ARF feedback loop): they are taken off that mailing.</summary>
    Complaint = 2,
}
