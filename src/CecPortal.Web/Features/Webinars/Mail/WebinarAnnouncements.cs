using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Webinars.Mail;

/// <summary>
/// The announcement of a confirmed session to the members (Hangfire job, the session id as its only argument). Every
/// active member (role Member, email confirmed, not suspended) who has not turned announcements off gets one email,
/// in batches: each batch locks the session row, writes one <see cref="WebinarAnnouncement"/> per member with the
/// email in the outbox, commits, then hands the emails to the delivery job. Running it twice mails nobody twice, and a
/// session cancelled or started in the meantime stops the fan-out.
/// </summary>
public sealed class WebinarAnnouncements(AppDbContext db, EmailOutbox outbox, UnsubscribeTokens tokens, PortalUrls urls, TimeProvider clock)
{
    public const int BatchSize = 200;

    /// <summary>Sends what is still to send; returns how many emails this run queued.</summary>
    public async Task<int> RunAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var queued = 0;
        while (true)
        {
            var batch = await QueueBatchAsync(sessionId, cancellationToken);
            queued += batch;
            if (batch < BatchSize)
            {
                return queued;
            }
        }
    }

    /// <summary>
    /// The members an announcement of <paramref name="sessionId"/> goes to and who have not had it yet; a bounced address
    /// waits, and gets it on a later pass once its owner confirms it while the session is still announced.
    /// </summary>
    public IQueryable<PortalUser> PendingRecipients(Guid sessionId) =>
        db.UsersInRole(Roles.Member).InGoodStanding()
            .Where(u => u.EmailConfirmed && u.Email != null && u.WebinarAnnouncementsOptOutAt == null)
            .Deliverable()
            .Where(u => !db.WebinarAnnouncements.Any(a => a.SessionId == sessionId && a.MemberId == u.Id));

    private async Task<int> QueueBatchAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var session = await WebinarAttendance.TryLockSessionAsync(db, sessionId, cancellationToken);
        if (session is null || !session.MayBeAnnounced(now))
        {
            return 0;
        }

        var recipients = await PendingRecipients(sessionId)
            .OrderBy(u => u.Id)
            .Take(BatchSize)
            .Select(u => new { u.Id, u.Email, u.FullName, u.TimeZoneId, u.CountryCode })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            return 0;
        }

        var speakers = await SpeakersAsync(sessionId, cancellationToken);
        foreach (var member in recipients)
        {
            var zone = MemberTimeZones.Resolve(member.TimeZoneId, member.CountryCode);
            var emailId = outbox.Add(Compose(session, speakers, member.Id, member.Email!, member.FullName, zone));
            db.WebinarAnnouncements.Add(WebinarAnnouncement.Create(sessionId, member.Id, emailId, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return recipients.Count;
    }

    private EmailMessage Compose(WebinarSession session, IReadOnlyList<string> speakers, string memberId, string email, string fullName, string zoneId)
    {
        var unsubscribeUrl = urls.Absolute(UnsubscribeTokens.LinkPath + tokens.Create(memberId, MailingList.WebinarAnnouncements));
        var when = WebinarTimes.Sentence(session.StartsAt, session.EndsAt, zoneId, session.TimeZoneId);
        List<string> lines =
        [
            $"Dear {fullName},",
            $"A new CEC peer webinar is confirmed: \"{session.Title}\".",
            $"When: {when}.",
        ];
        if (speakers.Count > 0)
        {
            lines.Add($"With {string.Join(", ", speakers)}.");
        }

        lines.Add($"Places are limited ({session.Capacity}). Register on the portal to receive the calendar invitation; the meeting link goes to registered members only.");
        lines.Add($"What is shared in this session is {session.Tlp.Display()}.");
        lines.Add($"You receive this because webinar announcements are on in your profile. To stop them, open {unsubscribeUrl} or switch them off on your profile.");
        var message = EmailTemplate.Compose(email, $"New peer webinar: {session.Title}", lines, ("See the session and register", urls.Absolute(WebinarPaths.Session(session.Id))));
        return message with { ListUnsubscribeUrl = unsubscribeUrl };
    }

    private async Task<IReadOnlyList<string>> SpeakersAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await db.WebinarSpeakers.AsNoTracking()
            .Where(s => s.SessionId == sessionId)
            .OrderBy(s => s.Id)
            .Select(s => s.MemberId == null ? s.GuestName! : db.Users.Where(u => u.Id == s.MemberId).Select(u => u.FullName).First())
            .ToListAsync(cancellationToken);
}
