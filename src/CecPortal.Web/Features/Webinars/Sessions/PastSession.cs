using CecPortal.Web.Features.Briefings;

namespace CecPortal.Web.Features.Webinars;

public sealed record PastSession(Guid Id, string Title, SessionTime Time, TlpLabel Tlp, IReadOnlyList<SpeakerView> Speakers, string? RecordingLink);
