using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>The zone a member reads times in, and whether they chose it or it comes from their country.</summary>
public sealed record MemberZone(string ZoneId, bool Chosen)
{
    public string Label => WebinarTimes.ZoneLabel(ZoneId);
}
