namespace CecPortal.Web.Features.Webinars.Calendars;

/// <summary>One session addressed to one member, for an invitation or a cancellation sent by email.</summary>
public sealed record WebinarInvite(WebinarEvent Event, string AttendeeEmail, string? AttendeeName);
