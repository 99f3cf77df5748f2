using System.Diagnostics;
using CecPortal.Web.Infrastructure.LocalPostgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CecPortal.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test process, with a migrated and demo-seeded template database that
/// each test class clones in milliseconds (<c>CREATE DATABASE ... TEMPLATE</c>).
/// </summary>
public static class TestPostgres
{
    public const string TemplateDatabase = "portal_template";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalPostgresCluster? _cluster;
    private static string? _root;
    private static bool _templateReady;

    public static async Task<LocalPostgresCluster> ClusterAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_cluster is null)
            {
                _root = Path.Combine(Path.GetTempPath(), $"cecportal-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
                Directory.CreateDirectory(_root);
                _cluster = await LocalPostgresCluster.StartAsync(
                    Path.Combine(_root, "postgres"),
                    TemplateDatabase,
                    NullLogger.Instance,
                    new Dictionary<string, string> { ["fsync"] = "off", ["synchronous_commit"] = "off", ["full_page_writes"] = "off", ["max_connections"] = "1000" });
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopCluster();
            }

            return _cluster;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh database cloned from the migrated, seeded template.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var cluster = await ClusterAsync();
        await EnsureTemplateAsync(cluster);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(cluster.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE {TemplateDatabase}", connection);
        await create.ExecuteNonQueryAsync();
        return cluster.ConnectionStringFor(name);
    }

    /// <summary>An empty database (no migrations), for tests of start-up itself.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string prefix)
    {
        var cluster = await ClusterAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(cluster.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return cluster.ConnectionStringFor(name);
    }

    private static async Task EnsureTemplateAsync(LocalPostgresCluster cluster)
    {
        await Gate.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            // Start the real app once against the template: it migrates and seeds the demo data.
            await using (var factory = new PortalFactory(cluster.ConnectionStringFor(TemplateDatabase), smtpPort: null))
            {
                using var client = factory.CreateClient();
                var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                ready.EnsureSuccessStatusCode();
            }

            // The recurring jobs' next runs were computed as the template started. A test portal started past one of
            // them (a five-minute job, minutes later) would run it at once, beside the class's first test: the bounce
            // mailbox job once recorded a test's complaint before the test's own run did. Without them, each portal
            // registers its recurring jobs afresh on start, next runs counted from then, as a new installation does.
            await using (var template = new NpgsqlConnection(cluster.ConnectionStringFor(TemplateDatabase)))
            {
                await template.OpenAsync();
                await using var forget = new NpgsqlCommand(
                    "DELETE FROM hangfire.hash WHERE key LIKE 'recurring-job:%'; DELETE FROM hangfire.set WHERE key = 'recurring-jobs';",
                    template);
                await forget.ExecuteNonQueryAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(cluster.ConnectionStringFor("postgres"));
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{TemplateDatabase}' AND pid <> pg_backend_pid()",
                connection);
            await terminate.ExecuteNonQueryAsync();
            _templateReady = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void StopCluster()
    {
        _cluster?.StopForDeletionAsync().GetAwaiter().GetResult();
        if (_root is not null)
        {
            DeleteAfterExit(_root);
        }
    }

    /// <summary>
    /// Leaves the deletion of the cluster's files to a detached <c>rm</c>, so that the test process ends at once.
    /// After the integration suite they are about 100,000 files: deleting them here took 12 s on a quiet machine, the
    /// likeliest cause of a CI run whose test process outlasted xunit's wait for it to end (60 s), which fails the run.
    /// </summary>
    private static void DeleteAfterExit(string root)
    {
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "rm -rf -- \"$1\" </dev/null >/dev/null 2>&1 &", "sh", root]) { UseShellExecute = false });
        shell?.WaitForExit();
    }
}
