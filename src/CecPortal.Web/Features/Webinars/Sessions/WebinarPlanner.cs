using CecPortal.Web.Features.Webinars.Mail;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>
/// Keeps the next <see cref="Horizon"/> monthly sessions of every active series planned. Only missing rule dates are
/// added: a session that exists for a rule date (moved, retitled or cancelled by hand) is never touched, so a
/// cancelled month stays cancelled. Safe to run twice and concurrently (see <see cref="TopUpAsync"/>). Every run also makes
/// sure each upcoming session, new or old, has its reminder jobs (<see cref="WebinarReminders.EnsureAllAsync"/>).
/// </summary>
public sealed class WebinarPlanner(AppDbContext db, WebinarReminders reminders, TimeProvider clock, ILogger<WebinarPlanner> logger)
{
    /// <summary>How many upcoming monthly sessions each active series keeps planned.</summary>
    public const int Horizon = 12;

    /// <summary>
    /// Adds the missing sessions of the next <see cref="Horizon"/> rule dates of every active series; returns how many
    /// were added. Each row goes in with <c>INSERT ... ON CONFLICT DO NOTHING</c> on the unique (SeriesId, SeriesDate)
    /// index rather than by catching a unique violation: a concurrent run that planned the same month first simply
    /// makes our insert a no-op, nothing is thrown, no row is half-tracked by EF, and PostgreSQL logs no error.
    /// </summary>
    public async Task<int> TopUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var seriesList = await db.WebinarSeries.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);

        var added = 0;
        foreach (var series in seriesList)
        {
            added += await TopUpSeriesAsync(series, now, cancellationToken);
        }

        if (added > 0)
        {
            logger.LogInformation("Webinar top-up planned {Added} session(s) across {Series} active series.", added, seriesList.Count);
        }

        var rescheduled = await reminders.EnsureAllAsync(cancellationToken);
        if (rescheduled > 0)
        {
            logger.LogInformation("Webinar top-up scheduled the reminders of {Sessions} session(s).", rescheduled);
        }

        return added;
    }

    private async Task<int> TopUpSeriesAsync(WebinarSeries series, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var planned = series.Rule.NextOccurrences(now, Horizon)
            .Select(start => WebinarSession.Plan(series, start, now))
            .ToList();
        var dates = planned.Select(s => s.SeriesDate).ToList();
        var existing = await db.WebinarSessions.AsNoTracking()
            .Where(s => s.SeriesId == series.Id && dates.Contains(s.SeriesDate))
            .Select(s => s.SeriesDate)
            .ToListAsync(cancellationToken);

        var added = 0;
        foreach (var session in planned.Where(s => !existing.Contains(s.SeriesDate)))
        {
            added += await InsertIfAbsentAsync(session, cancellationToken);
        }

        return added;
    }

    /// <summary>One planned session, unless its (series, rule date) exists already; returns 1 if inserted, else 0.</summary>
    private Task<int> InsertIfAbsentAsync(WebinarSession s, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO webinar_sessions ("Id", "SeriesId", "SeriesDate", "Title", "AbstractMarkdown", "AbstractHtml", "StartsAt", "EndsAt",
                "TimeZoneId", "Capacity", "MeetingLink", "Tlp", "Status", "RecordingLink", "Sequence", "MovedByHand", "CreatedAt", "UpdatedAt")
            VALUES ({s.Id}, {s.SeriesId}, {s.SeriesDate}, {s.Title}, {s.AbstractMarkdown}, {s.AbstractHtml}, {s.StartsAt}, {s.EndsAt},
                {s.TimeZoneId}, {s.Capacity}, {s.MeetingLink}, {(int)s.Tlp}, {(int)s.Status}, {s.RecordingLink}, {s.Sequence}, {s.MovedByHand}, {s.CreatedAt}, {s.UpdatedAt})
            ON CONFLICT ("SeriesId", "SeriesDate") WHERE "SeriesId" IS NOT NULL DO NOTHING
            """,
            cancellationToken);
}
