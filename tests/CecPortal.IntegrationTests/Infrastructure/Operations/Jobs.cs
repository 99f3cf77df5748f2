using Npgsql;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>What the operations tests read from Hangfire's tables, straight from PostgreSQL, and a patient poll.</summary>
internal static class Jobs
{
    /// <summary>When the canary last ran, as stamped in Hangfire's hash; null if never (or unreadable).</summary>
    public static async Task<DateTimeOffset?> CanaryLastRunAsync(string connectionString)
    {
        var value = await ScalarAsync<string>(
            connectionString,
            "SELECT value FROM hangfire.hash WHERE key = 'cecportal:jobs-canary' AND field = 'LastRunAt'");
        return value is null ? null : DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The job's current state name (Enqueued, Processing, Succeeded, ...).</summary>
    public static Task<string?> StateAsync(string connectionString, string jobId) =>
        ScalarAsync<string>(connectionString, "SELECT statename FROM hangfire.job WHERE id = @id", new NpgsqlParameter("id", long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture)));

    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params NpgsqlParameter[] parameters)
    {
        // Pooling off: these probes must not reuse a connection cut by a database restart.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public static async Task<List<T>> ListAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after a generous timeout (not a timing assertion).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                // The database may still be starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {seconds} s for {what}.");
            }

            await Task.Delay(250);
        }
    }
}
