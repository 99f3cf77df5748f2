namespace CecPortal.Web.Features.Briefings;

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Failed for good: a permanent (5xx) refusal, or transient failures until the attempts ran out.</summary>
    Failed = 2,
}
