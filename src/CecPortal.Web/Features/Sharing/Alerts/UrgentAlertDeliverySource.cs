using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Observability;

namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>
/// Urgent alerts as a subject of the briefing's fan-out. Before each send pass it settles, in one statement each, the
/// rows that must not go: all of them when the alert ended or its message was deleted or hidden, and those of members
/// who no longer read the channel (removed from a working group, suspended, moved sector) or turned alerts off.
/// </summary>
public sealed class UrgentAlertDeliverySource(AppDbContext db, AlertRecipients alerts, UrgentAlertEmail email, TimeProvider clock) : IDeliverySource
{
    public DeliveryKind Kind => DeliveryKind.UrgentAlert;

    public string TelemetryKind => PortalTelemetry.EmailKind.UrgentAlert;

    public async Task<IDeliveryTemplate?> PrepareAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await (from a in db.UrgentAlerts.AsNoTracking()
                           join m in db.Messages on a.MessageId equals m.Id
                           join c in db.Channels on a.ChannelId equals c.Id
                           where a.Id == subjectId
                           select new { Alert = a, Message = m, ChannelName = c.Name })
                          .SingleOrDefaultAsync(cancellationToken);
        var unleased = db.BriefingDeliveries.Where(d => d.UrgentAlertId == subjectId && d.Status == DeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now));
        if (found is null || !found.Alert.IsPinnedAt(now) || found.Message.IsDeleted || found.Message.IsHidden)
        {
            await WithdrawAsync(unleased, "Not sent: the alert ended, or its message was removed, before delivery.", now, cancellationToken);
            return null;
        }

        var recipients = alerts.Of(found.Alert.ChannelId);
        await WithdrawAsync(
            unleased.Where(d => !recipients.Contains(d.MemberId)),
            "Not sent: the member no longer reads the channel or turned urgent alerts off before delivery.",
            now,
            cancellationToken);
        return email.Render(found.Alert, found.Message, found.ChannelName);
    }

    /// <summary>Nothing to mark: an alert's progress is its ledger rows.</summary>
    public Task<bool> CompleteAsync(Guid subjectId, CancellationToken cancellationToken) => Task.FromResult(true);

    private static Task<int> WithdrawAsync(IQueryable<BriefingDelivery> rows, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        rows.ExecuteUpdateAsync(
            set => set.SetProperty(d => d.Status, DeliveryStatus.Failed)
                .SetProperty(d => d.LastError, reason)
                .SetProperty(d => d.LastAttemptAt, now)
                .SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null),
            cancellationToken);
}
