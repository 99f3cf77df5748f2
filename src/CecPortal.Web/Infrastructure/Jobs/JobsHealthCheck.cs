using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CecPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Ready only while background jobs run: Hangfire's storage answers, the canary ran within
/// <see cref="JobsOptions.CanaryMaxAge"/>, and (when this process runs a server) this instance's server reported
/// within the same time. Ages count from this process's start at the earliest, so a fresh instance gets time.
/// </summary>
public sealed class JobsHealthCheck(JobStorage storage, IOptions<JobsOptions> options, JobsInstance instance) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = TimeProvider.System.GetUtcNow();
        using (var connection = storage.GetConnection())
        {
            var since = Later(JobsCanaryJob.LastRunAt(connection), instance.StartedAt);
            if (now - since > settings.CanaryMaxAge)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"The jobs canary has not run since {since:O} (allowed: {settings.CanaryMaxAge}): background jobs are not running."));
            }
        }

        if (settings.ServerEnabled)
        {
            var prefix = instance.ServerName + ":";
            var heartbeat = storage.GetMonitoringApi().Servers()
                .Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal) && s.Heartbeat is not null)
                .Select(s => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(s.Heartbeat!.Value, DateTimeKind.Utc)))
                .Max();
            var alive = Later(heartbeat, instance.StartedAt);
            if (now - alive > settings.CanaryMaxAge)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"This instance's Hangfire server ({instance.ServerName}) has not reported since {alive:O}."));
            }
        }

        return Task.FromResult(HealthCheckResult.Healthy("Background jobs run."));
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value > b ? value : b;
}
