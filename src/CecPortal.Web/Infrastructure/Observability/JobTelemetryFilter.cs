using System.Diagnostics;
using Hangfire.Common;
using Hangfire.Server;

namespace CecPortal.Web.Infrastructure.Observability;

/// <summary>
/// Hangfire has no OpenTelemetry instrumentation: this server filter wraps each job run in an activity of
/// <see cref="PortalTelemetry.JobsSource"/> and records its duration with the job type and outcome
/// (<c>succeeded</c>, <c>failed</c>, <c>canceled</c>, the last when the server stops mid-job and hands it back).
/// </summary>
public sealed class JobTelemetryFilter : JobFilterAttribute, IServerFilter
{
    private const string ActivityKey = "cecportal.activity";
    private const string StartedKey = "cecportal.started";

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var activity = PortalTelemetry.JobsSource.StartActivity($"job {job.Type.Name}.{job.Method.Name}", ActivityKind.Internal);
        activity?.SetTag("job.type", job.Type.Name);
        activity?.SetTag("job.method", job.Method.Name);
        activity?.SetTag("job.id", context.BackgroundJob.Id);
        context.Items[ActivityKey] = activity;
        context.Items[StartedKey] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        var outcome = context.Exception switch
        {
            null => "succeeded",
            OperationCanceledException or JobAbortedException => "canceled",
            _ when context.CancellationToken.ShutdownToken.IsCancellationRequested => "canceled",
            _ => "failed",
        };
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            PortalTelemetry.JobDuration.Record(
                Stopwatch.GetElapsedTime(timestamp).TotalSeconds,
                new KeyValuePair<string, object?>("job.type", context.BackgroundJob.Job.Type.Name),
                new KeyValuePair<string, object?>("outcome", outcome));
        }

        if (context.Items.TryGetValue(ActivityKey, out var item) && item is Activity activity)
        {
            activity.SetTag("job.outcome", outcome);
            if (outcome == "failed")
            {
                // The type only: exception messages may quote a recipient (an SMTP server's reply).
                activity.SetStatus(ActivityStatusCode.Error, context.Exception!.GetType().Name);
            }

            activity.Dispose();
        }
    }
}
