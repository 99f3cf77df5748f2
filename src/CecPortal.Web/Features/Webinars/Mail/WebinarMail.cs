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
    public async Task ConfirmedAsync(WebinarSession session, WebinarRegistration registration, CancellationToken cancellationToken)
    {
        var recipient = await RecipientAsync(registration.MemberId, cancellationToken);
        if (recipient is null)
        {
            return;
        }

        Invite(session, registration, recipient, $"You are registered: {session.Title}", [
            $"Dear {recipient.Name},",
            $"Your place in the webinar \"{session.Title}\" is confirmed.",
            When(session, recipient),
            .. LinkLines(session),
            TlpLine(session),
            "The attached invitation adds the session to your calendar. If you can no longer attend, please cancel your registration on the portal so that someone on the waiting list gets your place.",
        ]);
    }

    /// <summary>A member joined the waiting list: their place in line, no invitation and no meeting link.</summary>
    public async Task WaitlistedAsync(WebinarSession session, WebinarRegistration registration, int positionInLine, CancellationToken cancellationToken)
    {
        var recipient = await RecipientAsync(registration.MemberId, cancellationToken);
        if (recipient is null)
        {
            return;
        }

        Notice(session, recipient, $"Waiting list: {session.Title}", [
            $"Dear {recipient.Name},",
            $"The webinar \"{session.Title}\" is full, so you are on its waiting list: number {positionInLine} in line.",
            When(session, recipient),
            "If a place frees up, you get it automatically and we email you a confirmation with a calendar invitation.",
        ]);
    }

    /// <summary>Members who moved from the waiting list to a confirmed place (someone cancelled, or the capacity went up).</summary>
    public async Task PromotedAsync(WebinarSession session, IEnumerable<WebinarRegistration> promoted, CancellationToken cancellationToken)
    {
        var rows = promoted.ToList();
        var recipients = await RecipientsAsync(rows, cancellationToken);
        foreach (var registration in rows)
        {
            if (recipients.TryGetValue(registration.MemberId, out var recipient))
            {
                Invite(session, registration, recipient, $"A place freed up: you are registered for {session.Title}", [
                    $"Dear {recipient.Name},",
                    $"Good news: a place became free in the webinar \"{session.Title}\" and, as next in line, you now have it.",
                    When(session, recipient),
                    .. LinkLines(session),
                    TlpLine(session),
                    "The attached invitation adds the session to your calendar. If you can no longer attend, please cancel your registration on the portal.",
                ]);
            }
        }
    }

    /// <summary>
    /// The member's own cancellation: <c>METHOD:CANCEL</c> when they held a place (so their calendar drops the event), a
    /// short notice when they only left the waiting list.
    /// </summary>
    public async Task RegistrationCancelledAsync(WebinarSession session, WebinarRegistration registration, bool heldAPlace, CancellationToken cancellationToken)
    {
        var recipient = await RecipientAsync(registration.MemberId, cancellationToken);
        if (recipient is null)
        {
            return;
        }

        string[] lines = [
            $"Dear {recipient.Name},",
            heldAPlace
                ? $"Your registration for the webinar \"{session.Title}\" is cancelled and your place has gone to the next in line."
                : $"You have left the waiting list of the webinar \"{session.Title}\".",
            When(session, recipient),
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
    }

    /// <summary>The session has a new time: an updated invitation (higher SEQUENCE) to every confirmed registrant, a notice to those waiting.</summary>
    public async Task MovedAsync(WebinarSession session, IEnumerable<WebinarRegistration> registrations, CancellationToken cancellationToken)
    {
        var rows = registrations.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
        var recipients = await RecipientsAsync(rows, cancellationToken);
        foreach (var registration in rows)
        {
            if (!recipients.TryGetValue(registration.MemberId, out var recipient))
            {
                continue;
            }

            var subject = $"New time: {session.Title}";
            if (registration.Status == RegistrationStatus.Confirmed)
            {
                Invite(session, registration, recipient, subject, [
                    $"Dear {recipient.Name},",
                    $"The webinar \"{session.Title}\" has moved. Your place is kept at the new time:",
                    When(session, recipient),
                    .. LinkLines(session),
                    "The attached invitation updates the event in your calendar. If the new time does not suit you, please cancel your registration on the portal.",
                ]);
            }
            else
            {
                Notice(session, recipient, subject, [
                    $"Dear {recipient.Name},",
                    $"The webinar \"{session.Title}\", for which you are on the waiting list, has moved to a new time:",
                    When(session, recipient),
                    "You keep your place in line.",
                ]);
            }
        }
    }

    /// <summary>The title or meeting link changed: an updated invitation (higher SEQUENCE) to every confirmed registrant.</summary>
    public async Task DetailsChangedAsync(WebinarSession session, IEnumerable<WebinarRegistration> registrations, CancellationToken cancellationToken)
    {
        var rows = registrations.Where(r => r.Status == RegistrationStatus.Confirmed).ToList();
        var recipients = await RecipientsAsync(rows, cancellationToken);
        foreach (var registration in rows)
        {
            if (recipients.TryGetValue(registration.MemberId, out var recipient))
            {
                Invite(session, registration, recipient, $"Updated: {session.Title}", [
                    $"Dear {recipient.Name},",
                    $"The details of the webinar \"{session.Title}\" you registered for have changed. Your place is kept:",
                    When(session, recipient),
                    .. LinkLines(session),
                    "The attached invitation updates the event in your calendar.",
                ]);
            }
        }
    }

    /// <summary>The session is cancelled: <c>METHOD:CANCEL</c> to every confirmed registrant, a notice to those waiting.</summary>
    public async Task SessionCancelledAsync(WebinarSession session, IEnumerable<WebinarRegistration> registrations, CancellationToken cancellationToken)
    {
        var rows = registrations.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
        var recipients = await RecipientsAsync(rows, cancellationToken);
        foreach (var registration in rows)
        {
            if (!recipients.TryGetValue(registration.MemberId, out var recipient))
            {
                continue;
            }

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
        }
    }

    /// <summary>A reminder with the meeting link to each of <paramref name="registrations"/> (confirmed ones); returns how many were queued.</summary>
    public async Task<int> RemindAsync(WebinarSession session, ReminderKind kind, IEnumerable<WebinarRegistration> registrations, CancellationToken cancellationToken)
    {
        var rows = registrations.Where(r => r.Status == RegistrationStatus.Confirmed).ToList();
        var recipients = await RecipientsAsync(rows, cancellationToken);
        var sent = 0;
        foreach (var registration in rows)
        {
            if (!recipients.TryGetValue(registration.MemberId, out var recipient))
            {
                continue;
            }

            var subject = kind == ReminderKind.Day ? $"Tomorrow: {session.Title}" : $"Starting in one hour: {session.Title}";
            outbox.Add(EmailTemplate.Compose(
                recipient.Email,
                subject,
                [
                    $"Dear {recipient.Name},",
                    kind == ReminderKind.Day
                        ? $"A reminder: the webinar \"{session.Title}\" you registered for takes place tomorrow."
                        : $"A reminder: the webinar \"{session.Title}\" you registered for starts in one hour.",
                    When(session, recipient),
                    .. LinkLines(session),
                    TlpLine(session),
                    "If you can no longer attend, please cancel your registration on the portal so that someone waiting can take your place.",
                ],
                MeetingLink(session) is { } link ? ("Join the webinar", link.AbsoluteUri) : ("Open the session", SessionUrl(session))));
            sent++;
        }

        return sent;
    }

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

    private async Task<Recipient?> RecipientAsync(string memberId, CancellationToken cancellationToken) =>
        (await RecipientsAsync([memberId], cancellationToken)).GetValueOrDefault(memberId);

    private Task<Dictionary<string, Recipient>> RecipientsAsync(IEnumerable<WebinarRegistration> rows, CancellationToken cancellationToken) =>
        RecipientsAsync(rows.Select(r => r.MemberId), cancellationToken);

    /// <summary>The members who may be emailed (with an address, not suspended), by id, with their display zone.</summary>
    private async Task<Dictionary<string, Recipient>> RecipientsAsync(IEnumerable<string> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, Recipient>(StringComparer.Ordinal);
        }

        var users = await db.Users.AsNoTracking().ActiveMembers()
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
