using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>An upcoming (or upcoming but cancelled) session in the list.</summary>
public sealed record SessionSummary(
    Guid Id,
    string Title,
    SessionTime Time,
    WebinarStatus Status,
    TlpLabel Tlp,
    IReadOnlyList<SpeakerView> Speakers,
    int PlacesLeft,
    int Waiting,
    MemberPlace Place)
{
    public bool IsCancelled => Status == WebinarStatus.Cancelled;
}
