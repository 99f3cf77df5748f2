using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.LocalPostgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CecPortal.Benchmarks;

/// <summary>A throwaway PostgreSQL cluster in a temporary directory, removed when disposed.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly LocalPostgresCluster _cluster;
    private readonly string _root;

    private BenchCluster(LocalPostgresCluster cluster, string root)
    {
        _cluster = cluster;
        _root = root;
    }

    public static async Task<BenchCluster> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), $"cecportal-bench-{Guid.NewGuid():N}");
        var cluster = await LocalPostgresCluster.StartAsync(Path.Combine(root, "postgres"), "bench", NullLogger.Instance);
        return new BenchCluster(cluster, root);
    }

    /// <summary>Creates <paramref name="database"/> (unless it is the default "bench"), applies the migrations and returns its connection string.</summary>
    public async Task<string> MigratedDatabaseAsync(string database = "bench")
    {
        if (database != "bench")
        {
            await using var connection = new NpgsqlConnection(_cluster.ConnectionStringFor("bench"));
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = _cluster.ConnectionStringFor(database);
        await using var db = new AppDbContext(DesignTimeDbContextFactory.StandaloneOptions(connectionString));
        await db.Database.MigrateAsync();
        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAsync();
        Directory.Delete(_root, recursive: true);
    }
}
