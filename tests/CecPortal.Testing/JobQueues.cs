using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.Testing;

/// <summary>Waits on a portal's own Hangfire storage instead of sleeping.</summary>
public static class JobQueues
{
    /// <summary>
    /// Returns once the portal's jobs have nothing left to do now: no job enqueued or processing and none scheduled
    /// within the next second, seen on two looks in a row (a job moves from its queue to "Processing" in between).
    /// A test that checks that nothing else was sent waits here first, so it waits exactly as long as the work takes.
    /// </summary>
    public static async Task UntilIdleAsync(IServiceProvider services, TimeSpan? timeout = null)
    {
        var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var quietLooks = 0;
        while (quietLooks < 2)
        {
            quietLooks = Busy(monitoring) == 0 ? quietLooks + 1 : 0;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The portal's background jobs were still busy after {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static long Busy(IMonitoringApi monitoring)
    {
        var dueBy = DateTime.UtcNow.AddSeconds(1);
        var due = monitoring.ScheduledJobs(0, 500).Count(job => job.Value.EnqueueAt <= dueBy);
        return monitoring.Queues().Sum(queue => queue.Length) + monitoring.ProcessingCount() + due;
    }
}
