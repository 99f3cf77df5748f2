namespace CecPortal.Web.Features.Deliverability;

/// <summary>What one run of the bounce mailbox job did, in counts.</summary>
public sealed record BounceMailboxRun(int Read, int Recorded, int Duplicates, int Unparsed)
{
    public static BounceMailboxRun Nothing { get; } = new(0, 0, 0, 0);
}
