using Hangfire;

namespace CecPortal.Web.Features.Sharing.Notifications;

/// <summary>
/// Every minute: the notification emails that are due (<see cref="SharingDigests"/>). Takes no arguments; two instances
/// running it at once each skip the members the other holds, and a rerun finds nothing left to send. No retries: the
/// next minute's run is the retry.
/// </summary>
public sealed class SharingDigestJob(SharingDigests digests)
{
    public const string RecurringJobId = "sharing-notification-emails";

    [AutomaticRetry(Attempts = 0)]
    public Task<int> RunAsync(CancellationToken cancellationToken) => digests.RunAsync(cancellationToken);
}
