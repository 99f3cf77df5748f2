using Hangfire;
using Hangfire.Storage;

namespace CecPortal.Web.Infrastructure.Jobs;

/// <summary>
/// A recurring job that only stamps the time it ran into Hangfire's own storage. If Hangfire stops scheduling
/// or running jobs (as has been reported of Hangfire.PostgreSql after a database restart), the stamp ages and
/// <see cref="JobsHealthCheck"/> makes the instance not ready.
/// </summary>
public sealed class JobsCanaryJob(JobStorage storage)
{
    public const string RecurringJobId = "jobs-canary";

    /// <summary>The Hangfire hash that holds the last run, in the <c>hangfire</c> schema beside the jobs themselves.</summary>
    public const string HashKey = "cecportal:jobs-canary";

    private const string LastRunField = "LastRunAt";

    // Wall-clock time on purpose: this measures whether jobs run at all, not anything in the portal's domain time.
    public Task RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = storage.GetConnection();
        connection.SetRangeInHash(HashKey, [new(LastRunField, TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))]);
        return Task.CompletedTask;
    }

    /// <summary>When the canary last ran on any server, or null if never.</summary>
    public static DateTimeOffset? LastRunAt(IStorageConnection connection) =>
        connection.GetAllEntriesFromHash(HashKey) is { } entries
        && entries.TryGetValue(LastRunField, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;
}
