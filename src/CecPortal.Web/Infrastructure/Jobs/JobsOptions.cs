namespace CecPortal.Web.Infrastructure.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this process runs a Hangfire server (web nodes behind a queue-only deployment can turn it off).</summary>
    public bool ServerEnabled { get; set; } = true;

    /// <summary>
    /// The Hangfire server's name on the dashboard and in job history; empty: <c>cecportal:{machine}:{process id}</c>.
    /// Hangfire appends a unique suffix, so instances sharing a name still count as different servers.
    /// </summary>
    [MaxLength(100)]
    public string? ServerName { get; set; }

    [Range(1, 64)]
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 2, 8);

    /// <summary>How often idle workers look for new jobs in PostgreSQL.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the server looks for due scheduled and recurring jobs (Hangfire's default: 15 seconds).</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the server records that it is alive (Hangfire's default: 30 seconds).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a Hangfire lock row (the recurring and delayed schedulers', a job's state change) may stand before
    /// another server takes it over (Hangfire.PostgreSql's default: 10 minutes). A holder cut off by a database
    /// restart cannot delete its row, so no recurring job runs until this has passed; every lock Hangfire takes is
    /// held for a moment, so a minute never cuts a live holder short.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The canary recurring job's schedule (Hangfire cron; six fields for seconds).</summary>
    public string CanaryCron { get; set; } = "* * * * *";

    /// <summary>
    /// Readiness fails when the canary has not run for this long, or this instance's Hangfire server has not
    /// reported for this long: background jobs are then not running.
    /// </summary>
    public TimeSpan CanaryMaxAge { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The server name used when <see cref="ServerName"/> is empty.</summary>
    public string EffectiveServerName =>
        string.IsNullOrWhiteSpace(ServerName) ? $"cecportal:{Environment.MachineName}:{Environment.ProcessId}" : ServerName.Trim();
}
