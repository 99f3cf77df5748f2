using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace CecPortal.Benchmarks.Http;

/// <summary>
/// A web app built by this solution (the portal or the minimal page), started as its own process on a free loopback
/// port, so that the load generator and the server do not share a runtime. Its output goes to a log file; disposing
/// kills the process (by its id).
/// </summary>
internal sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebProcess(Process process, Uri baseAddress, string logFile)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogFile = logFile;
    }

    public Uri BaseAddress { get; }

    /// <summary>For attaching a profiler (dotnet-trace collect -p).</summary>
    public int ProcessId => _process.Id;

    public string LogFile { get; }

    /// <summary>The portal as built next to this benchmark (same configuration), with the project folder as content root.</summary>
    public static Task<WebProcess> StartPortalAsync(IReadOnlyDictionary<string, string> environment, string logDirectory) =>
        StartAsync(Path.Combine("src", "CecPortal.Web"), "CecPortal.Web", environment, "/health/live", logDirectory);

    /// <summary>The minimal page (bench/CecPortal.MinimalPage), the floor of the HTTP benchmark.</summary>
    public static Task<WebProcess> StartMinimalPageAsync(IReadOnlyDictionary<string, string> environment, string logDirectory) =>
        StartAsync(Path.Combine("bench", "CecPortal.MinimalPage"), "CecPortal.MinimalPage", environment, "/health", logDirectory);

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<WebProcess> StartAsync(string projectDirectory, string assemblyName, IReadOnlyDictionary<string, string> environment, string probePath, string logDirectory)
    {
        var configuration = typeof(WebProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var contentRoot = Path.Combine(RepositoryRoot(), projectDirectory);
        var output = Path.Combine(contentRoot, "bin", configuration, "net10.0");
        var dll = Path.Combine(output, assemblyName + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: run the benchmark with `dotnet run -c {configuration} --project bench/CecPortal.Benchmarks`, which builds it.");
        }

        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        startInfo.ArgumentList.Add("--contentRoot");
        startInfo.ArgumentList.Add(contentRoot);
        startInfo.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var logFile = Path.Combine(logDirectory, $"{assemblyName}-{port}.log");
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {assemblyName}.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var gate = new Lock();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            lock (gate)
            {
                log.Dispose();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = new WebProcess(process, baseAddress, logFile);
        await started.WaitUntilAnsweringAsync(probePath, assemblyName);
        return started;

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                try
                {
                    log.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                    // The process has exited and the log is closed.
                }
            }
        }
    }

    private async Task WaitUntilAnsweringAsync(string probePath, string name)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {_process.ExitCode} before answering; see {LogFile}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(probePath, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"{name} did not answer {probePath} within 10 minutes; see {LogFile}.");
    }

    /// <summary>The folder holding CecPortal.sln, found upwards from this program's output directory.</summary>
    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CecPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CecPortal.sln was not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
