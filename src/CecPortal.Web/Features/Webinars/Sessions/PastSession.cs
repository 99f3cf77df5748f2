using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Webinars.Sessions;

public sealed record PastSession(Guid Id, string Title, SessionTime Time, TlpLabel Tlp, IReadOnlyList<SpeakerView> Speakers, string? RecordingLink);
