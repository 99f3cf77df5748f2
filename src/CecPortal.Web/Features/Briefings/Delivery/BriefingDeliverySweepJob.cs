namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// Crash recovery: every few minutes, finds ledger subjects (briefings whose fan-out started, urgent alerts) that
/// still have pending rows ready to go (their lease ran out, their back-off ended) and enqueues chunks for them; and
/// marks a briefing Sent whose last chunk ended without doing so.
/// </summary>
public sealed class BriefingDeliverySweepJob(DeliveryLedger ledger, BriefingDeliveryQueue queue)
{
    public const string RecurringJobId = "briefing-delivery-sweep";

    public const string Cron = "*/5 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var subject in await ledger.SubjectsWithReadyRowsAsync(cancellationToken))
        {
            await queue.EnqueueChunksAsync(subject, cancellationToken);
        }

        foreach (var briefingId in await ledger.BriefingsWithNothingPendingAsync(cancellationToken))
        {
            await queue.CompleteIfDoneAsync(briefingId, cancellationToken);
        }
    }
}
