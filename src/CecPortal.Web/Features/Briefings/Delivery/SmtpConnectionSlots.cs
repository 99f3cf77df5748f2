namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// The process-wide cap on SMTP connections for the fan-out (<c>Briefings:SmtpConcurrency</c>), shared by every
/// chunk job this process runs, whatever Hangfire's worker count.
/// </summary>
public sealed class SmtpConnectionSlots(IOptions<BriefingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.SmtpConcurrency, options.Value.SmtpConcurrency);

    /// <summary>Waits for one slot, then takes up to <paramref name="wanted"/> in all without waiting.</summary>
    public async Task<int> AcquireAsync(int wanted, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var held = 1;
        while (held < wanted && _slots.Wait(0, CancellationToken.None))
        {
            held++;
        }

        return held;
    }

    public void Release(int count) => _slots.Release(count);

    public void Dispose() => _slots.Dispose();
}
