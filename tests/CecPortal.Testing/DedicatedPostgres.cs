using CecPortal.Web.Infrastructure.LocalPostgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace CecPortal.Testing;

/// <summary>
/// A PostgreSQL cluster of its own, for tests that stop and start the database server. Never stop the shared
/// cluster of <see cref="TestPostgres"/>: every other test class uses it. The database starts empty; the portal
/// migrates and seeds it on first start.
/// </summary>
public sealed class DedicatedPostgres : IAsyncDisposable
{
    public const string Database = "portal";

    private readonly string _root;

    private DedicatedPostgres(string root, LocalPostgresCluster cluster)
    {
        _root = root;
        Cluster = cluster;
    }

    public LocalPostgresCluster Cluster { get; }

    public string ConnectionString => Cluster.ConnectionStringFor(Database);

    public static async Task<DedicatedPostgres> StartAsync(string name)
    {
        var root = Path.Combine(Path.GetTempPath(), $"cecportal-{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 22, 60)]);
        Directory.CreateDirectory(root);
        var cluster = await LocalPostgresCluster.StartAsync(
            Path.Combine(root, "postgres"),
            Database,
            NullLogger.Instance,
            new Dictionary<string, string> { ["fsync"] = "off", ["full_page_writes"] = "off" });
        return new DedicatedPostgres(root, cluster);
    }

    /// <summary>Stops the server as a restart or an outage would: every open connection is cut.</summary>
    public Task StopAsync() => Cluster.StopServerKeepingDataAsync();

    /// <summary>Starts the server again on the same port.</summary>
    public Task StartAsync() => Cluster.StartServerAgainAsync();

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopForDeletionAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp directory is removed by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
