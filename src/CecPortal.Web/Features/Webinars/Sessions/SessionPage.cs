using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>One session as its page shows it to one member; <see cref="MeetingLink"/> is set only for a confirmed place.</summary>
public sealed record SessionPage(
    Guid Id,
    string Title,
    string AbstractHtml,
    SessionTime Time,
    TimeSpan Duration,
    WebinarStatus Status,
    TlpLabel Tlp,
    IReadOnlyList<SpeakerView> Speakers,
    int Capacity,
    int PlacesLeft,
    int Waiting,
    MemberPlace Place,
    bool RegistrationOpen,
    string? MeetingLink,
    string? RecordingLink);
