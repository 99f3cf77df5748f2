namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>The daily Hangfire job that keeps every active series planned a year ahead; safe to run twice.</summary>
public sealed class TopUpWebinarSessionsJob(WebinarPlanner planner)
{
    public const string RecurringJobId = "webinar-top-up";

    /// <summary>Daily at 03:30 (UTC), a quiet hour; a missed day is harmless with a twelve-month horizon.</summary>
    public const string Cron = "30 3 * * *";

    public Task<int> RunAsync(CancellationToken cancellationToken) => planner.TopUpAsync(cancellationToken);
}
