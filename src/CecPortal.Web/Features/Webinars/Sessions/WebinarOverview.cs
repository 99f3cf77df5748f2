namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>The webinars page: the member's zone, the coming sessions and a page of the past ones.</summary>
public sealed record WebinarOverview(MemberZone Zone, IReadOnlyList<SessionSummary> Upcoming, PageOf<PastSession> Past);
