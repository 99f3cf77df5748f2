using System.Diagnostics;
using System.Globalization;
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

    public string ConnectionStringFor(string database) => _cluster.ConnectionStringFor(database);

    /// <summary>Stops the server the way an operator's restart does (<c>pg_ctl stop -m fast</c>): open sessions are cut.</summary>
    public Task StopServerAsync() => PgCtlAsync("stop", "-D", _cluster.DataDirectory, "-m", "fast", "-w", "-t", "60");

    /// <summary>Starts the server again on the same port with the same settings as <see cref="LocalPostgresCluster"/>.</summary>
    public Task StartServerAsync() => PgCtlAsync(
        "start", "-D", _cluster.DataDirectory, "-w", "-t", "60", "-l", Path.Combine(_cluster.DataDirectory, "server.log"),
        "-o", string.Create(CultureInfo.InvariantCulture, $"-p {_cluster.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"));

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>pg_ctl of the cluster's PostgreSQL version, as the cluster's OS user when we run as root (as LocalPostgresCluster does).</summary>
    private static async Task PgCtlAsync(params string[] arguments)
    {
        var pgCtl = FindPgCtl();
        var startInfo = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser") { WorkingDirectory = "/" }
            : new ProcessStartInfo(pgCtl);
        if (Environment.IsPrivilegedProcess)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", pgCtl])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("pg_ctl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl {arguments[0]} failed: {await output}{await error}");
        }
    }

    private static string FindPgCtl()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "pg_ctl"))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
        }

        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin", "pg_ctl"))
            .Where(File.Exists)
            .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .First();
    }
}
