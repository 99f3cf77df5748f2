using System.Diagnostics;
using System.Globalization;

namespace CecPortal.Benchmarks.Live;

/// <summary>One sample: seconds since the monitor started and each watched server's resident set, in bytes.</summary>
internal sealed record ResourceSample(double Seconds, long[] ServerRss);

/// <summary>What the monitor saw over a window: the samples, and the CPU each party used (in cores: 1.0 = one core busy all the time).</summary>
internal sealed record ResourceFigures(IReadOnlyList<ResourceSample> Samples, double Seconds, double[] ServerCores, double ClientCores, double MachineBusy);

/// <summary>
/// Samples the portal processes' resident memory twice a second, and measures the CPU they, this benchmark process (the
/// client) and the whole machine used over the window, so the figures say whether the server was flat on memory and
/// whether the client, rather than the server, was the bottleneck.
/// </summary>
internal sealed class ResourceMonitor : IAsyncDisposable
{
    private readonly Process[] _servers;
    private readonly TimeSpan[] _serverCpuStart;
    private readonly TimeSpan _clientCpuStart;
    private readonly (long Busy, long Total) _machineStart;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<ResourceSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ResourceMonitor(IEnumerable<int> serverProcessIds)
    {
        _servers = [.. serverProcessIds.Select(Process.GetProcessById)];
        _serverCpuStart = [.. _servers.Select(p => p.TotalProcessorTime)];
        _clientCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        _machineStart = MachineTicks();
        Sample();
        _sampling = SampleAsync();
    }

    public async Task<ResourceFigures> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        var seconds = _clock.Elapsed.TotalSeconds;
        var serverCores = _servers.Select((p, i) =>
        {
            p.Refresh();
            return (p.TotalProcessorTime - _serverCpuStart[i]).TotalSeconds / seconds;
        }).ToArray();
        var clientCores = (Process.GetCurrentProcess().TotalProcessorTime - _clientCpuStart).TotalSeconds / seconds;
        var machine = MachineTicks();
        var busy = machine.Total == _machineStart.Total ? double.NaN : (machine.Busy - _machineStart.Busy) / (double)(machine.Total - _machineStart.Total);
        return new ResourceFigures(_samples, seconds, serverCores, clientCores, busy);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
        foreach (var server in _servers)
        {
            server.Dispose();
        }
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        var rss = _servers.Select(p =>
        {
            p.Refresh();
            return p.HasExited ? 0 : p.WorkingSet64;
        }).ToArray();
        _samples.Add(new ResourceSample(_clock.Elapsed.TotalSeconds, rss));
    }

    /// <summary>The machine's busy and total CPU ticks since boot, from the first line of /proc/stat (zeros elsewhere).</summary>
    private static (long Busy, long Total) MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
