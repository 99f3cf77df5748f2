
namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>What staff set on a session besides its time and status.</summary>
public sealed record SessionDetails(string Title, string AbstractMarkdown, TlpLabel Tlp, string? MeetingLink, int Capacity);
