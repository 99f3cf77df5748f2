using CecPortal.Web.Features.Webinars.Sessions;
using Hangfire;

namespace CecPortal.Web.Features.Webinars.Mail;

/// <summary>
/// Hands over announcements whose job was never enqueued (the session was stamped just before the database went away):
/// sessions announced in the last week, more than five minutes ago, that nobody has had yet and that still have
/// members to reach. The job itself stops for sessions that may no longer be announced.
/// </summary>
public sealed class WebinarAnnouncementSweepJob(AppDbContext db, WebinarAnnouncements announcements, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string RecurringJobId = "webinar-announcement-sweep";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (from, to) = (now.AddDays(-7), now.AddMinutes(-5));
        var candidates = await db.WebinarSessions.AsNoTracking()
            .Where(s => s.AnnouncedAt > from && s.AnnouncedAt < to && s.StartsAt > now && s.Status == WebinarStatus.Confirmed)
            .Where(s => !db.WebinarAnnouncements.Any(a => a.SessionId == s.Id))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var stranded = new List<Guid>();
        foreach (var id in candidates)
        {
            if (await announcements.PendingRecipients(id).AnyAsync(cancellationToken))
            {
                stranded.Add(id);
                jobs.Enqueue<WebinarAnnouncements>(job => job.RunAsync(id, CancellationToken.None));
            }
        }

        return stranded.Count;
    }
}
