using Npgsql;

namespace CecPortal.Benchmarks.Http;

/// <summary>
/// What the database saw while one endpoint was under load, from <c>pg_stat_database</c>: new sessions (connection
/// churn) and transactions, which for the portal's autocommit reads is one per statement, i.e. its round trips.
/// </summary>
internal sealed record DatabaseActivity(long Sessions, long Transactions)
{
    public static async Task<DatabaseActivity> ReadAsync(string connectionString)
    {
        // The statistics are flushed by each backend at most once a second; wait for the load's last ones.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT sessions, xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseActivity(reader.GetInt64(0), reader.GetInt64(1));
    }

    public static DatabaseActivity operator -(DatabaseActivity after, DatabaseActivity before) =>
        new(after.Sessions - before.Sessions, after.Transactions - before.Transactions);
}
