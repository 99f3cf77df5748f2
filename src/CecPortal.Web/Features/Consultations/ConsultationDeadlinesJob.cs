using Hangfire;

namespace CecPortal.Web.Features.Consultations;

/// <summary>The recurring job behind <see cref="ConsultationDeadlines"/>: no arguments, each run finds what is due.</summary>
public sealed class ConsultationDeadlinesJob(ConsultationDeadlines deadlines, ILogger<ConsultationDeadlinesJob> logger)
{
    public const string RecurringJobId = "consultation-deadlines";

    /// <summary>Every 15 minutes: a consultation closes at most a quarter of an hour after its deadline.</summary>
    public const string Cron = "*/15 * * * *";

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var (reminded, closed) = await deadlines.RunAsync(cancellationToken);
        if (reminded + closed > 0)
        {
            logger.LogInformation("Consultation deadlines: {Reminded} reminders sent, {Closed} consultations closed.", reminded, closed);
        }
    }
}
