namespace CecPortal.Web.Features.Webinars.Calendars;

/// <summary>What a calendar needs to know about one session. Times are UTC instants.</summary>
/// <param name="SessionId">Gives the stable <c>UID</c>: the same session is always the same calendar event.</param>
/// <param name="Sequence">RFC 5545 <c>SEQUENCE</c>: the caller bumps it on every change of time, title or status.</param>
/// <param name="Title">The <c>SUMMARY</c>.</param>
/// <param name="Description">Plain text for <c>DESCRIPTION</c> (not HTML).</param>
/// <param name="StartUtc">The <c>DTSTART</c>.</param>
/// <param name="EndUtc">The <c>DTEND</c>, after the start.</param>
/// <param name="MeetingLink">The online meeting link as <c>LOCATION</c> and <c>URL</c>; null while it is unknown or not for this reader.</param>
/// <param name="Cancelled">A cancelled session carries <c>STATUS:CANCELLED</c> (in a feed; a cancellation is always cancelled).</param>
public sealed record WebinarEvent(
    Guid SessionId,
    int Sequence,
    string Title,
    string Description,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    Uri? MeetingLink = null,
    bool Cancelled = false);
