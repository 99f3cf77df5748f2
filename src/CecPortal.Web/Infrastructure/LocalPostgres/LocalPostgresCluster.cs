using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CecPortal.Web.Infrastructure.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster for development and tests: created with initdb on first use, started on a
/// free loopback port, stopped on dispose. Data survives restarts because the data directory is kept.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "portal";
    private const string ClusterOsUser = "postgres";

    /// <summary>How long a start waits for the folder's previous owner to finish stopping.</summary>
    internal static readonly TimeSpan OwnerLockWait = TimeSpan.FromSeconds(5);

    private readonly string _binDirectory;
    private readonly bool _runAsClusterUser;
    private readonly ILogger _logger;
    private readonly string _password;
    private readonly FileStream _ownerLock;
    private IReadOnlyDictionary<string, string>? _extraSettings;
    private bool _stopped;

    private LocalPostgresCluster(string binDirectory, string dataDirectory, bool runAsClusterUser, int port, string password, FileStream ownerLock, ILogger logger)
    {
        _ownerLock = ownerLock;
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
        _runAsClusterUser = runAsClusterUser;
        Port = port;
        _password = password;
        _logger = logger;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates (if needed) and starts the cluster, and makes sure <paramref name="database"/> exists.</summary>
    /// <param name="dataDirectory">Where the cluster keeps its files; when running as root and the cluster user cannot reach it, a reachable directory is chosen instead.</param>
    /// <param name="database">Database to create when missing.</param>
    /// <param name="logger">Receives what the cluster does, including where it lives.</param>
    /// <param name="extraSettings">Server settings such as <c>fsync=off</c> for throwaway test clusters.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalPostgresCluster> StartAsync(
        string dataDirectory,
        string database,
        ILogger logger,
        IReadOnlyDictionary<string, string>? extraSettings = null,
        CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinDirectory()
            ?? throw new LocalPostgresException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin: " +
                "install them (on Debian: apt-get install postgresql) or set ConnectionStrings__Portal to an existing PostgreSQL database.");

        var runAsClusterUser = Environment.IsPrivilegedProcess;
        dataDirectory = Path.GetFullPath(dataDirectory);

        // Before anything touches the server: a second portal from the same folder would otherwise take the running
        // server for one left over by a crash, stop it, and leave the first portal without its database.
        var ownerLock = await AcquireOwnerLockAsync(dataDirectory, cancellationToken);
        try
        {
            return await StartOwnedAsync(binDirectory, dataDirectory, database, runAsClusterUser, ownerLock, logger, extraSettings, cancellationToken);
        }
        catch
        {
            await ownerLock.DisposeAsync();
            throw;
        }
    }

    private static async Task<LocalPostgresCluster> StartOwnedAsync(
        string binDirectory,
        string dataDirectory,
        string database,
        bool runAsClusterUser,
        FileStream ownerLock,
        ILogger logger,
        IReadOnlyDictionary<string, string>? extraSettings,
        CancellationToken cancellationToken)
    {
        if (runAsClusterUser)
        {
            logger.LogInformation("Running as root: the local PostgreSQL cluster runs as the '{User}' OS user (runuser), because initdb refuses root.", ClusterOsUser);
            dataDirectory = await ChooseReachableDataDirectoryAsync(dataDirectory, logger, cancellationToken);
        }

        Directory.CreateDirectory(dataDirectory);
        var credentialsFile = dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".credentials";
        var initialised = File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));
        string password;
        if (!initialised)
        {
            password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            await InitialiseAsync(binDirectory, dataDirectory, password, runAsClusterUser, logger, cancellationToken);
            await File.WriteAllTextAsync(credentialsFile, password, cancellationToken);
            SetMode(credentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        else
        {
            password = (await File.ReadAllTextAsync(credentialsFile, cancellationToken)).Trim();
        }

        var port = FindFreeLoopbackPort();
        var cluster = new LocalPostgresCluster(binDirectory, dataDirectory, runAsClusterUser, port, password, ownerLock, logger);
        await cluster.StopOrphanAsync(cancellationToken);
        await cluster.StartServerAsync(extraSettings, cancellationToken);
        await cluster.EnsureDatabaseAsync(database, cancellationToken);
        logger.LogInformation("Local PostgreSQL cluster in {DataDirectory} listening on 127.0.0.1:{Port}.", dataDirectory, port);
        return cluster;
    }

    /// <summary>Stops the server after cutting its connections, with the shutdown checkpoint (<c>pg_ctl -m fast</c>).</summary>
    public Task StopAsync() => StopAsync("fast");

    /// <summary>
    /// Stops the server at once, without the shutdown checkpoint (<c>pg_ctl -m immediate</c>), for a throwaway cluster
    /// whose files are deleted next: the checkpoint would only write out data that nobody reads again.
    /// </summary>
    public Task StopForDeletionAsync() => StopAsync("immediate");

    private async Task StopAsync(string mode)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        var result = await RunAsync(_binDirectory, "pg_ctl", ["stop", "-D", DataDirectory, "-m", mode, "-w", "-t", "60"], _runAsClusterUser, CancellationToken.None);
        if (result.ExitCode == 0)
        {
            _logger.LogInformation("Local PostgreSQL cluster in {DataDirectory} stopped.", DataDirectory);
        }
        else
        {
            _logger.LogWarning("Stopping the local PostgreSQL cluster failed: {Output}", result.Output);
        }

        await _ownerLock.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>
    /// Stops the server as a database restart would (open connections are cut) but keeps the cluster, so that
    /// <see cref="StartServerAgainAsync"/> brings it back on the same port. For tests of an outage.
    /// </summary>
    public async Task StopServerKeepingDataAsync()
    {
        var result = await RunAsync(_binDirectory, "pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], _runAsClusterUser, CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new LocalPostgresException($"Stopping the PostgreSQL server in {DataDirectory} failed: {result.Output.Trim()}");
        }
    }

    /// <summary>Starts the server again after <see cref="StopServerKeepingDataAsync"/>, with the settings it first started with.</summary>
    public Task StartServerAgainAsync(CancellationToken cancellationToken = default) => StartServerAsync(_extraSettings, cancellationToken);

    /// <summary>The directory of the PostgreSQL client and server programs this cluster uses (pg_dump, pg_restore, ...).</summary>
    public string BinDirectory => _binDirectory;

    internal static string? FindBinDirectory(string? pathVariable = null, string versionsRoot = "/usr/lib/postgresql")
    {
        var path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = Path.Combine(directory, "pg_ctl");
            if (File.Exists(pgCtl) && File.Exists(Path.Combine(directory, "initdb")))
            {
                // Debian puts symlinks on PATH; the real directory also holds the postgres server binary.
                var target = new FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
                return Path.GetDirectoryName(target);
            }
        }

        if (!Directory.Exists(versionsRoot))
        {
            return null;
        }

        return Directory.GetDirectories(versionsRoot)
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(c => File.Exists(Path.Combine(c.Directory, "pg_ctl")) && File.Exists(Path.Combine(c.Directory, "initdb")))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Directory)
            .FirstOrDefault();
    }

    /// <summary>
    /// Holds <c>{data directory}.lock</c> open and unshared for as long as this process owns the cluster; the
    /// operating system lets go of it when the process ends, however it ends, so a crashed run leaves no owner behind
    /// (its stale server is then stopped as before). The owner's process id is written beside it for the message.
    /// An owner that is stopping lets go only once its server is down, a moment after the server's own pid file goes:
    /// a start in that moment (a restart right after Ctrl+C) waits for it, up to <see cref="OwnerLockWait"/>.
    /// </summary>
    private static async Task<FileStream> AcquireOwnerLockAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var lockPath = dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".lock";
        var ownerPath = dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".owner";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var deadline = DateTime.UtcNow + OwnerLockWait;
        while (true)
        {
            try
            {
                var ownerLock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                await File.WriteAllTextAsync(ownerPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
                return ownerLock;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (IOException)
            {
                var owner = File.Exists(ownerPath) ? (await File.ReadAllTextAsync(ownerPath, cancellationToken)).Trim() : "unknown";
                throw new LocalPostgresException(
                    $"Another CEC Portal is already running from this folder (pid {owner}) and owns its database in {dataDirectory}: " +
                    "stop that one first, or give this one a folder of its own with Portal__DataDirectory.");
            }
        }
    }

    private static async Task<string> ChooseReachableDataDirectoryAsync(string preferred, ILogger logger, CancellationToken cancellationToken)
    {
        if (await IsReachableByClusterUserAsync(preferred, cancellationToken))
        {
            return preferred;
        }

        // A clone under a root-only directory (such as /root) cannot be entered by the cluster user.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(preferred)))[..12].ToLowerInvariant();
        var fallback = Path.Combine("/var/tmp", $"cecportal-{hash}", "postgres");
        logger.LogWarning(
            "The '{User}' OS user cannot reach {Preferred}; the local PostgreSQL data directory is {Fallback} instead.",
            ClusterOsUser, preferred, fallback);
        Directory.CreateDirectory(fallback);
        SetMode(Path.GetDirectoryName(fallback)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        await ChownAsync(fallback, cancellationToken);
        return fallback;
    }

    private static async Task<bool> IsReachableByClusterUserAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await ChownAsync(directory, cancellationToken);
        var probe = await RunProcessAsync("runuser", ["-u", ClusterOsUser, "--", "test", "-w", directory], null, cancellationToken);
        return probe.ExitCode == 0;
    }

    private static async Task ChownAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await RunProcessAsync("chown", ["-R", $"{ClusterOsUser}:{ClusterOsUser}", directory], null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new LocalPostgresException($"Could not hand {directory} to the '{ClusterOsUser}' OS user: {result.Output.Trim()}");
        }
    }

    private static async Task InitialiseAsync(string binDirectory, string dataDirectory, string password, bool runAsClusterUser, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Creating a local PostgreSQL cluster in {DataDirectory} (first start).", dataDirectory);
        var passwordFile = Path.Combine(Path.GetTempPath(), $"cecportal-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (runAsClusterUser)
            {
                await ChownAsync(passwordFile, cancellationToken);
            }

            SetMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var result = await RunAsync(
                binDirectory,
                "initdb",
                ["-D", dataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "--auth-host=scram-sha-256", "--auth-local=peer", "-E", "UTF8", "--no-locale", "--no-instructions"],
                runAsClusterUser,
                cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new LocalPostgresException($"initdb failed for {dataDirectory}: {result.Output.Trim()}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task StopOrphanAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return;
        }

        var status = await RunAsync(_binDirectory, "pg_ctl", ["status", "-D", DataDirectory], _runAsClusterUser, cancellationToken);
        if (status.ExitCode == 0)
        {
            _logger.LogWarning("A PostgreSQL server left running from an earlier start was found in {DataDirectory}; stopping it first.", DataDirectory);
            await RunAsync(_binDirectory, "pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], _runAsClusterUser, cancellationToken);
        }
    }

    private async Task StartServerAsync(IReadOnlyDictionary<string, string>? extraSettings, CancellationToken cancellationToken)
    {
        _extraSettings = extraSettings;
        var options = new StringBuilder();
        options.Append(CultureInfo.InvariantCulture, $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
        foreach (var (name, value) in extraSettings ?? new Dictionary<string, string>())
        {
            options.Append(CultureInfo.InvariantCulture, $" -c {name}={value}");
        }

        var logFile = Path.Combine(DataDirectory, "server.log");
        var result = await RunAsync(
            _binDirectory,
            "pg_ctl",
            ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", logFile, "-o", options.ToString()],
            _runAsClusterUser,
            cancellationToken);
        if (result.ExitCode != 0)
        {
            var tail = File.Exists(logFile) ? string.Join('\n', File.ReadLines(logFile).TakeLast(10)) : string.Empty;
            throw new LocalPostgresException($"The local PostgreSQL server in {DataDirectory} did not start: {result.Output.Trim()} {tail}");
        }
    }

    private async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static int FindFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<ProcessResult> RunAsync(string binDirectory, string tool, IReadOnlyList<string> arguments, bool runAsClusterUser, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(binDirectory, tool);
        return runAsClusterUser
            ? RunProcessAsync("runuser", ["-u", ClusterOsUser, "--", executable, .. arguments], "/", cancellationToken)
            : RunProcessAsync(executable, arguments, null, cancellationToken);
    }

    private static async Task<ProcessResult> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            // The cluster user may not be allowed into the caller's current directory.
            startInfo.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["LC_ALL"] = "C";
        using var process = Process.Start(startInfo) ?? throw new LocalPostgresException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new ProcessResult(process.ExitCode, await stdout + await stderr);
    }

    private sealed record ProcessResult(int ExitCode, string Output);
}

/// <summary>The local cluster could not be used; the message says what to do, in one sentence.</summary>
public sealed class LocalPostgresException(string message) : Exception(message);
