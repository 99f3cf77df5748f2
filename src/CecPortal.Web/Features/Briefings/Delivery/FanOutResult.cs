namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>What one send pass did.</summary>
public sealed record FanOutResult(int Sent, int Failed, int Deferred, int Connections)
{
    public static readonly FanOutResult None = new(0, 0, 0, 0);

    public int Attempted => Sent + Failed + Deferred;
}
