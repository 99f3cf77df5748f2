using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Calendar = Ical.Net.Calendar;

namespace CecPortal.Web.Features.Webinars.Calendars;

/// <summary>
/// RFC 5545 text for webinar sessions, written by Ical.Net: an invitation (<c>METHOD:REQUEST</c>) or a cancellation
/// (<c>METHOD:CANCEL</c>) of one session for one member, and a personal feed (<c>METHOD:PUBLISH</c>) of several.
/// Times are written in UTC (<c>...Z</c>), which every client places correctly without a <c>VTIMEZONE</c>.
/// </summary>
public sealed class WebinarCalendar
{
    public const string MediaType = "text/calendar";
    public const string ProductId = "-//CISOs European Community//CEC Portal Webinars//EN";

    private readonly string _organizerEmail;
    private readonly string? _organizerName;
    private readonly string _uidDomain;

    /// <param name="organizerEmail">The portal's sender address, written as <c>ORGANIZER:mailto:...</c>.</param>
    /// <param name="organizerName">The organiser's display name (<c>CN</c>), e.g. "CEC Portal".</param>
    /// <param name="uidDomain">The right-hand side of every <c>UID</c>, e.g. the portal's host name.</param>
    public WebinarCalendar(string organizerEmail, string? organizerName, string uidDomain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerEmail);
        ArgumentException.ThrowIfNullOrWhiteSpace(uidDomain);
        if (uidDomain.Any(c => char.IsWhiteSpace(c) || c == '@'))
        {
            throw new ArgumentException("The UID domain must be a host name without '@' or spaces.", nameof(uidDomain));
        }

        _organizerEmail = organizerEmail.Trim();
        _organizerName = string.IsNullOrWhiteSpace(organizerName) ? null : organizerName.Trim();
        _uidDomain = uidDomain.Trim().ToLowerInvariant();
    }

    /// <summary>The stable <c>UID</c> of a session, e.g. <c>webinar-0f8fad5bd9cb469fa16570867728950e@cec.example</c>.</summary>
    public string UidFor(Guid sessionId) => $"webinar-{sessionId:N}@{_uidDomain}";

    /// <summary>An invitation to one session (<c>METHOD:REQUEST</c>), also used for an update with a higher sequence.</summary>
    public string Invitation(WebinarInvite invite, DateTimeOffset stampUtc)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var calendar = NewCalendar(CalendarMethods.Request);
        var calendarEvent = ToEvent(invite.Event, stampUtc, cancelled: invite.Event.Cancelled);
        calendarEvent.Organizer = Organizer();
        calendarEvent.Attendees.Add(Attendee(invite, rsvp: true));
        calendar.Events.Add(calendarEvent);
        return Serialize(calendar);
    }

    /// <summary>The cancellation of one session for one member (<c>METHOD:CANCEL</c>, <c>STATUS:CANCELLED</c>).</summary>
    public string Cancellation(WebinarInvite invite, DateTimeOffset stampUtc)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var calendar = NewCalendar(CalendarMethods.Cancel);
        var calendarEvent = ToEvent(invite.Event, stampUtc, cancelled: true);
        calendarEvent.Organizer = Organizer();
        calendarEvent.Attendees.Add(Attendee(invite, rsvp: false));
        calendar.Events.Add(calendarEvent);
        return Serialize(calendar);
    }

    /// <summary>
    /// A subscription feed of several sessions (<c>METHOD:PUBLISH</c>, no organiser or attendees: it is read, not answered),
    /// named by <paramref name="calendarName"/> in clients that show <c>X-WR-CALNAME</c> or <c>NAME</c>.
    /// </summary>
    public string Feed(string calendarName, IEnumerable<WebinarEvent> sessions, DateTimeOffset stampUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarName);
        ArgumentNullException.ThrowIfNull(sessions);
        var calendar = NewCalendar(CalendarMethods.Publish);
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("NAME", calendarName);
        foreach (var session in sessions.OrderBy(s => s.StartUtc))
        {
            calendar.Events.Add(ToEvent(session, stampUtc, session.Cancelled));
        }

        return Serialize(calendar);
    }

    private static Calendar NewCalendar(string method) => new()
    {
        ProductId = ProductId,
        Method = method,
    };

    private CalendarEvent ToEvent(WebinarEvent session, DateTimeOffset stampUtc, bool cancelled)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(session.Title);
        ArgumentOutOfRangeException.ThrowIfNegative(session.Sequence);
        if (session.EndUtc <= session.StartUtc)
        {
            throw new ArgumentException("A session must end after it starts.", nameof(session));
        }

        var calendarEvent = new CalendarEvent
        {
            Uid = UidFor(session.SessionId),
            Sequence = session.Sequence,
            DtStamp = Utc(stampUtc),
            DtStart = Utc(session.StartUtc),
            DtEnd = Utc(session.EndUtc),
            Summary = session.Title,
            Description = string.IsNullOrWhiteSpace(session.Description) ? null : session.Description,
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };

        if (session.MeetingLink is { } link)
        {
            calendarEvent.Location = link.AbsoluteUri;
            calendarEvent.Url = link;
        }

        return calendarEvent;
    }

    private Organizer Organizer() => new($"mailto:{_organizerEmail}") { CommonName = _organizerName };

    private static Attendee Attendee(WebinarInvite invite, bool rsvp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invite.AttendeeEmail);
        return new Attendee($"mailto:{invite.AttendeeEmail.Trim()}")
        {
            CommonName = string.IsNullOrWhiteSpace(invite.AttendeeName) ? null : invite.AttendeeName.Trim(),
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.NeedsAction,
            Rsvp = rsvp,
        };
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId, true);

    private static string Serialize(Calendar calendar) => new CalendarSerializer().SerializeToString(calendar)
        ?? throw new InvalidOperationException("Ical.Net returned no text.");
}
