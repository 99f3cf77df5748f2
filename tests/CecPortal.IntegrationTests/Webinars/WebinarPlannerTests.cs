using CecPortal.Web.Features.Webinars.Sessions;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>
/// The series top-up against real PostgreSQL and the portal's real clock. The database is shared by the class, so each
/// test plans its own series and compares the planner's result with the growth of the whole table.
/// </summary>
public sealed class WebinarPlannerTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Startup_RecurringJobs_TopUpRunsDaily()
    {
        // Arrange
        using var connection = portal.JobStorage.GetConnection();

        // Act
        var jobs = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection, [TopUpWebinarSessionsJob.RecurringJobId]);

        // Assert
        var topUp = jobs.Single(j => j.Id == TopUpWebinarSessionsJob.RecurringJobId);
        topUp.Cron.ShouldBe("30 3 * * *");
        topUp.Job.Type.ShouldBe(typeof(TopUpWebinarSessionsJob));
        topUp.Job.Method.Name.ShouldBe(nameof(TopUpWebinarSessionsJob.RunAsync));
    }

    [Fact]
    public async Task TopUp_NewSeries_PlansTwelveMonthsAt1500BrusselsInWinterAndSummer()
    {
        // Arrange
        var series = await CreateSeriesAsync("Planner: new series");
        var before = await CountAllAsync();

        // Act
        var added = await TopUpAsync();
        var again = await TopUpAsync();

        // Assert
        var sessions = await SessionsOfAsync(series.Id);
        added.ShouldBe(await CountAllAsync() - before);
        added.ShouldBeGreaterThanOrEqualTo(12);
        again.ShouldBe(0, "a second run finds every month planned");
        sessions.Count.ShouldBe(12);
        sessions[0].StartsAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        sessions.Select(s => s.SeriesDate).Distinct().Count().ShouldBe(12);
        foreach (var session in sessions)
        {
            var local = TimeZoneInfo.ConvertTime(session.StartsAt, Brussels);
            TimeOnly.FromDateTime(local.DateTime).ShouldBe(new TimeOnly(15, 0), $"session of {session.SeriesDate}");
            DateOnly.FromDateTime(local.DateTime).ShouldBe(session.SeriesDate!.Value);
            local.DayOfWeek.ShouldBe(DayOfWeek.Tuesday);
            local.Day.ShouldBeInRange(8, 14, "the second Tuesday");
            (session.EndsAt - session.StartsAt).ShouldBe(TimeSpan.FromMinutes(60));
            session.Status.ShouldBe(WebinarStatus.Planned);
            session.TimeZoneId.ShouldBe("Europe/Brussels");
            session.Title.ShouldBe(series.Title);
            session.Capacity.ShouldBe(80);
        }

        var offsets = sessions.Select(s => TimeZoneInfo.ConvertTime(s.StartsAt, Brussels).Offset).Distinct().Order().ToList();
        offsets.ShouldBe([TimeSpan.FromHours(1), TimeSpan.FromHours(2)], "twelve months span winter (14:00Z) and summer (13:00Z)");
        sessions.Select(s => (s.SeriesDate!.Value.Year * 12) + s.SeriesDate.Value.Month).ShouldBe(
            Enumerable.Range((sessions[0].SeriesDate!.Value.Year * 12) + sessions[0].SeriesDate!.Value.Month, 12), "one session per consecutive month");
    }

    [Fact]
    public async Task TopUp_CancelledAndMovedSessions_AreLeftAloneAndTheirMonthsNotReplanned()
    {
        // Arrange
        var series = await CreateSeriesAsync("Planner: hand edits");
        await TopUpAsync();
        var planned = await SessionsOfAsync(series.Id);
        var cancelledId = planned[1].Id;
        var movedId = planned[2].Id;
        var movedTo = planned[2].StartsAt.AddDays(2).AddHours(1);
        await portal.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            (await db.WebinarSessions.SingleAsync(s => s.Id == cancelledId, Token)).Cancel(now);
            var moved = await db.WebinarSessions.SingleAsync(s => s.Id == movedId, Token);
            moved.Move(movedTo, TimeSpan.FromMinutes(90), now);
            moved.Describe("Moved and retitled", string.Empty, string.Empty, moved.Tlp, null, 25, now);
            return await db.SaveChangesAsync(Token);
        });

        // Act
        var added = await TopUpAsync();

        // Assert
        added.ShouldBe(0);
        var sessions = await SessionsOfAsync(series.Id);
        sessions.Count.ShouldBe(12);
        var cancelled = sessions.Single(s => s.SeriesDate == planned[1].SeriesDate);
        cancelled.Id.ShouldBe(cancelledId);
        cancelled.Status.ShouldBe(WebinarStatus.Cancelled);
        cancelled.Sequence.ShouldBe(1);
        var moved = sessions.Single(s => s.SeriesDate == planned[2].SeriesDate);
        moved.Id.ShouldBe(movedId);
        moved.StartsAt.ShouldBe(movedTo);
        moved.EndsAt.ShouldBe(movedTo.AddMinutes(90));
        moved.Title.ShouldBe("Moved and retitled");
        moved.Capacity.ShouldBe(25);
        moved.MovedByHand.ShouldBeTrue();
        sessions.ShouldNotContain(s => s.StartsAt == planned[2].StartsAt, "the moved session's rule time is not planned again");
    }

    [Fact]
    public async Task TopUp_InactiveSeries_GetsNoSessions()
    {
        // Arrange
        var series = await CreateSeriesAsync("Planner: paused", active: false);

        // Act
        await TopUpAsync();

        // Assert
        (await SessionsOfAsync(series.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task TopUp_TwoConcurrentRuns_LeaveExactlyTwelveSessions()
    {
        // Arrange
        var series = await CreateSeriesAsync("Planner: concurrent");
        var before = await CountAllAsync();

        // Act
        var results = await Task.WhenAll(TopUpAsync(), TopUpAsync());

        // Assert
        (await SessionsOfAsync(series.Id)).Count.ShouldBe(12);
        results.Sum().ShouldBe(await CountAllAsync() - before, "every row is counted once, by the run that inserted it");
    }

    private async Task<WebinarSeries> CreateSeriesAsync(string title, bool active = true)
    {
        var rule = SeriesRule.Create(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromMinutes(60));
        var series = WebinarSeries.Create(title, rule, 80, DateTimeOffset.UtcNow);
        if (!active)
        {
            series.Pause();
        }

        await portal.WithDbAsync(db =>
        {
            db.WebinarSeries.Add(series);
            return db.SaveChangesAsync(Token);
        });
        return series;
    }

    /// <summary>Each call runs in its own scope (its own DbContext and connection), as two job runs would.</summary>
    private async Task<int> TopUpAsync()
    {
        var added = 0;
        await portal.WithServiceAsync<WebinarPlanner>(async planner => added = await planner.TopUpAsync(Token));
        return added;
    }

    private Task<int> CountAllAsync() => portal.WithDbAsync(db => db.WebinarSessions.CountAsync(Token));

    private Task<List<WebinarSession>> SessionsOfAsync(Guid seriesId) =>
        portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().Where(s => s.SeriesId == seriesId).OrderBy(s => s.SeriesDate).ToListAsync(Token));
}
