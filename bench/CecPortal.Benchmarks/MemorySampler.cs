using System.Diagnostics;

namespace CecPortal.Benchmarks;

/// <summary>Peak memory of one benchmark phase.</summary>
/// <param name="PeakWorkingSet">The process's peak resident set during the phase.</param>
/// <param name="PeakGcHeap">The largest managed heap seen by the 100 ms sampler.</param>
/// <param name="KernelPeak">True when the peak comes from the kernel's high-water mark, reset at the start of the phase (Linux); false when only the sampler saw it.</param>
internal sealed record MemoryFigures(long PeakWorkingSet, long PeakGcHeap, bool KernelPeak);

/// <summary>
/// Samples the working set and the managed heap every 100 ms, after a full collection and (on Linux) a reset of the
/// kernel's peak-RSS mark, so that each phase reports its own peak rather than the process's lifetime peak.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _kernelPeakReset;
    private readonly Task _sampling;
    private long _peakWorkingSet;
    private long _peakGcHeap;

    private MemorySampler(bool kernelPeakReset)
    {
        _kernelPeakReset = kernelPeakReset;
        Sample();
        _sampling = SampleEvery100MsAsync();
    }

    public static MemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemorySampler(TryResetKernelPeak());
    }

    public async Task<MemoryFigures> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        var peak = _peakWorkingSet;
        if (_kernelPeakReset)
        {
            using var process = Process.GetCurrentProcess();
            peak = Math.Max(peak, process.PeakWorkingSet64);
        }

        return new MemoryFigures(peak, _peakGcHeap, _kernelPeakReset);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM, the peak resident set that <see cref="Process.PeakWorkingSet64"/> reads.</summary>
    private static bool TryResetKernelPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private async Task SampleEvery100MsAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
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
        _peakWorkingSet = Math.Max(_peakWorkingSet, Environment.WorkingSet);
        _peakGcHeap = Math.Max(_peakGcHeap, GC.GetTotalMemory(forceFullCollection: false));
    }
}
