using CecPortal.Web.Features.Webinars.Calendars;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Webinars.Mail;

/// <summary>
/// The webinar emails, added to the caller's unit of work through <see cref="EmailOutbox.Add"/>: the caller saves and
/// commits, and the messages are enqueued as it commits. Confirmed registrants get calendar invitations
/// (<c>METHOD:REQUEST</c>, or <c>METHOD:CANCEL</c>) and the meeting link; people waiting get plain notices without either.
/// Times are shown in each recipient's zone with the organiser's beside it. Suspended members get nothing. Every invitation
/// sent is recorded on the registration (<see cref="WebinarRegistration.InvitedSequence"/>).
/// </summary>
public sealed class WebinarMail(AppDbContext db, EmailOutbox outbox, WebinarCalendar calendar, PortalUrls urls, TimeProvider clock)
{
    /// <summary>A new confirmed place: the confirmation with the invitation.</summary>
    public Task ConfirmedAsync(WebinarSession session, WebinarRegistration registration, CancellationToken cancellationToken) =>
        ToEachRecipientAsync([registration], (_, recipient) => InviteToPlace(
            session,
            registration,
            recipient,
            $"You are registered: {session.Title}",
            $"Your place in the webinar \"{session.Title}\" is confirmed.",
            "The attached invitation adds the session to your calendar. If you can no longer attend, please cancel your registration on the portal so that someone on the waiting list gets your place."), cancellationToken);

    /// <summary>A member joined the waiting list: their place in line, no invitation and no meeting link.</summary>
    public Task WaitlistedAsync(WebinarSession session, WebinarRegistration registration, int positionInLine, CancellationToken cancellationToken) =>
        ToEachRecipientAsync([registration], (_, recipient) =>
            Notice(session, recipient, $"Waiting list: {session.Title}", [
                .. Opening(session, recipient, $"The webinar \"{session.Title}\" is full, so you are on its waiting list: number {positionInLine} in line."),
                "If a place frees up, you get it automatically and we email you a confirmation with a calendar invitation.",
            ]), cancellationToken);

    /// <summary>Members who moved from the waiting list to a confirmed place (someone cancelled, or the capacity went up).</summary>
    public Task PromotedAsync(WebinarSession session, IEnumerable<WebinarRegistration> promoted, CancellationToken cancellationToken) =>
        ToEachRecipientAsync(promoted, (registration, recipient) => InviteToPlace(
            session,
            registration,
            recipient,
            $"A place freed up: you are registered for {session.Title}",
            $"Good news: a place became free in the webinar \"{session.Title}\" and, as next in line, you now have it.",
            "The attached invitation adds the session to your calendar. If you can no longer attend, please cancel your registration on the portal."), cancellationToken);

    /// <summary>
    /// The member's own cancellation: <c>METHOD:CANCEL</c> when they held a place (so their calendar drops the event), a
    /// short notice when they only left the waiting list.
    /// </summary>
    public Task RegistrationCancelledAsync(WebinarSession session, WebinarRegistration registration, bool heldAPlace, CancellationToken cancellationToken) =>
        ToEachRecipientAsync([registration], (_, recipient) =>
        {
            string[] lines = [
                .. Opening(
                    session,
                    recipient,
                    heldAPlace
                        ? $"Your registration for the webinar \"{session.Title}\" is cancelled and your place has gone to the next in line."
                        : $"You have left the waiting list of the webinar \"{session.Title}\"."),
                "You can register again on the portal while places are available.",
            ];
            if (heldAPlace)
            {
                Cancel(session, registration, recipient, $"Registration cancelled: {session.Title}", lines);
            }
            else
            {
                Notice(session, recipient, $"Registration cancelled: {session.Title}", lines);
            }
        }, cancellationToken);

    /// <summary>The session has a new time: an updated invitation (higher SEQUENCE) to every confirmed registrant, a notice to those waiting.</summary>
    public Task MovedAsync(WebinarSession session, IEnumerable<WebinarRegistration> registrations, CancellationToken cancellationToken) =>
        ToEachRecipientAsync(registrations.Where(r => r.Status != RegistrationStatus.Cancelled), (registration, recipient) =>
        {
            var subject = $"New time: {session.Title}";
            if (registration.Status == RegistrationStatus.Confirmed)
            {
                Invite(session, registration, recipient, subject, [
                    .. Opening(session, recipient, $"The webinar \"{session.Title}\" has moved. Your place is kept at the new time:"),
                    .. LinkLines(session),
                    "The attached invitation updates the event in your calendar. If the new time does not suit you, please cancel your registration on the portal.",
                ]);
            }
            else
            {
                Notice(session, recipient, subject, [
                    .. Opening(session, recipient, $"The webinar \"{session.Title}\", for which you are on the waiting list, has moved to a new time:"),
                    "You keep your place in line.",
                ]);
            }
        }, cancellationToken);

    /// <summary>The title or meeting link changed: an updated invitation (higher SEQUENCE) to every confirmed registrant.</summary>
    public Task DetailsChangedAsync(WebinarSession session, IEnumerable<WebinarRegistration> registrations, CancellationToken cancellationToken) =>
        ToEachRecipientAsync(registrations.Where(r => r.Status == RegistrationStatus.Confirmed), (registration, recipient) =>
            Invite(session, registration, recipient, $"Updated: {session.Title}", [
                .. Opening(session, recipient, $"The details of the webinar \"{session.Title}\" you registered for have changed. Your place is kept:"),
                .. LinkLines(session),
                "The attached invitation updates the event in your calendar.",
            ]), cancellationToken);

    /// <summary>The session is cancelled: <c>METHOD:CANCEL</c> to every confirmed registrant, a notice to those waiting.</summary>
    public Task SessionCancelledAsync(WebinarSession session, IEnumerable<WebinarRegistration> registrations, CancellationToken cancellationToken) =>
        ToEachRecipientAsync(registrations.Where(r => r.Status != RegistrationStatus.Cancelled), (registration, recipient) =>
        {
            string[] lines = [
                $"Dear {recipient.Name},",
                $"We are sorry: the webinar \"{session.Title}\" is cancelled.",
                $"It was planned for {When(session, recipient)}",
                "Upcoming sessions are listed on the portal.",
            ];
            if (registration.Status == RegistrationStatus.Confirmed)
            {
                Cancel(session, registration, recipient, $"Cancelled: {session.Title}", lines);
            }
            else
            {
                Notice(session, recipient, $"Cancelled: {session.Title}", lines);
            }
        }, cancellationToken);

    /// <summary>A reminder with the meeting link to each of <paramref name="registrations"/> (confirmed ones); returns how many were queued.</summary>
    public Task<int> RemindAsync(WebinarSession session, ReminderKind kind, IEnumerable<WebinarRegistration> registrations, CancellationToken cancellationToken) =>
        ToEachRecipientAsync(registrations.Where(r => r.Status == RegistrationStatus.Confirmed), (_, recipient) =>
            outbox.Add(EmailTemplate.Compose(
                recipient.Email,
                kind == ReminderKind.Day ? $"Tomorrow: {session.Title}" : $"Starting in one hour: {session.Title}",
                [
                    .. Opening(
                        session,
                        recipient,
                        kind == ReminderKind.Day
                            ? $"A reminder: the webinar \"{session.Title}\" you registered for takes place tomorrow."
                            : $"A reminder: the webinar \"{session.Title}\" you registered for starts in one hour."),
                    .. LinkLines(session),
                    TlpLine(session),
                    "If you can no longer attend, please cancel your registration on the portal so that someone waiting can take your place.",
                ],
                Action(session))), cancellationToken);

    /// <summary>The session as a calendar event for a confirmed registrant (with the meeting link).</summary>
    internal WebinarEvent ToEvent(WebinarSession session) => new(
        session.Id,
        session.Sequence,
        session.Title,
        Description(session),
        session.StartsAt,
        session.EndsAt,
        MeetingLink(session),
        session.Status == WebinarStatus.Cancelled);

    private void Invite(WebinarSession session, WebinarRegistration registration, Recipient recipient, string subject, IEnumerable<string> lines)
    {
        var ics = calendar.Invitation(new WebinarInvite(ToEvent(session), recipient.Email, recipient.Name), clock.GetUtcNow());
        outbox.Add(EmailTemplate.Compose(recipient.Email, subject, lines, Action(session)) with { Calendar = new EmailCalendar("REQUEST", ics) });
        registration.RecordInvitation(session.Sequence);
    }

    /// <summary>The invitation for a place just given: the meeting link and the TLP the session is shared under.</summary>
    private void InviteToPlace(WebinarSession session, WebinarRegistration registration, Recipient recipient, string subject, string what, string closing) =>
        Invite(session, registration, recipient, subject, [.. Opening(session, recipient, what), .. LinkLines(session), TlpLine(session), closing]);

    private void Cancel(WebinarSession session, WebinarRegistration registration, Recipient recipient, string subject, IEnumerable<string> lines)
    {
        // The member's own cancellation keeps the session's SEQUENCE: a later invitation after registering again then
        // carries the same SEQUENCE with a newer DTSTAMP, which clients apply, instead of a lower one they would ignore.
        var ics = calendar.Cancellation(new WebinarInvite(ToEvent(session) with { MeetingLink = null }, recipient.Email, recipient.Name), clock.GetUtcNow());
        outbox.Add(EmailTemplate.Compose(recipient.Email, subject, lines, ("Open the session", SessionUrl(session))) with { Calendar = new EmailCalendar("CANCEL", ics) });
        registration.RecordInvitation(session.Sequence);
    }

    private void Notice(WebinarSession session, Recipient recipient, string subject, IEnumerable<string> lines) =>
        outbox.Add(EmailTemplate.Compose(recipient.Email, subject, lines, ("Open the session", SessionUrl(session))));

    private (string Label, string Url) Action(WebinarSession session) =>
        MeetingLink(session) is { } link ? ("Join the webinar", link.AbsoluteUri) : ("Open the session", SessionUrl(session));

    private static IEnumerable<string> LinkLines(WebinarSession session) =>
        MeetingLink(session) is { } link
            ? [$"Meeting link (for registered members only, please do not share it): {link.AbsoluteUri}"]
            : ["The meeting link follows in your reminders, 24 hours and 1 hour before the start."];

    private static string TlpLine(WebinarSession session) => $"What is shared in this session is {session.Tlp.Display()}: {session.Tlp.Meaning()}";

    private static string When(WebinarSession session, Recipient recipient) =>
        WebinarTimes.Sentence(session.StartsAt, session.EndsAt, recipient.TimeZoneId, session.TimeZoneId) + ".";

    private string Description(WebinarSession session)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(session.AbstractMarkdown))
        {
            parts.Add(session.AbstractMarkdown.Trim());
        }

        parts.Add(session.Tlp.Display());
        parts.Add($"Details: {SessionUrl(session)}");
        return string.Join("\n\n", parts);
    }

    private string SessionUrl(WebinarSession session) => urls.Absolute(WebinarPaths.Session(session.Id));

    private static Uri? MeetingLink(WebinarSession session) =>
        Uri.TryCreate(session.MeetingLink, UriKind.Absolute, out var link) && link.Scheme is "https" or "http" ? link : null;

    /// <summary>
    /// Writes to the member of each of <paramref name="registrations"/> who may be emailed, in order; the others are
    /// passed over. Returns how many were written to.
    /// </summary>
    private async Task<int> ToEachRecipientAsync(IEnumerable<WebinarRegistration> registrations, Action<WebinarRegistration, Recipient> write, CancellationToken cancellationToken)
    {
        var rows = registrations.ToList();
        var recipients = await RecipientsAsync(rows.Select(r => r.MemberId), cancellationToken);
        var written = 0;
        foreach (var registration in rows)
        {
            if (recipients.TryGetValue(registration.MemberId, out var recipient))
            {
                write(registration, recipient);
                written++;
            }
        }

        return written;
    }

    /// <summary>How every webinar email begins: the greeting, what happened, and when the session is.</summary>
    private static string[] Opening(WebinarSession session, Recipient recipient, string what) =>
        [$"Dear {recipient.Name},", what, When(session, recipient)];

    /// <summary>The members who may be emailed (with an address, not suspended), by id, with their display zone.</summary>
    private async Task<Dictionary<string, Recipient>> RecipientsAsync(IEnumerable<string> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, Recipient>(StringComparer.Ordinal);
        }

        var users = await db.Users.AsNoTracking().InGoodStanding()
            .Where(u => ids.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.FullName, u.TimeZoneId, u.CountryCode })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(
            u => u.Id,
            u => new Recipient(u.Email!, u.FullName, MemberTimeZones.Resolve(u.TimeZoneId, u.CountryCode)),
            StringComparer.Ordinal);
    }

    private sealed record Recipient(string Email, string Name, string TimeZoneId);
}
