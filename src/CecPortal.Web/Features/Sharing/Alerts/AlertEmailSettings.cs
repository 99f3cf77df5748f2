using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>A member's choice to get a channel's urgent alerts by email (<c>channel_subscriptions.UrgentAlertsByEmail</c>, on by default).</summary>
public sealed class AlertEmailSettings(AppDbContext db, ChannelAccess access, TimeProvider clock)
{
    /// <summary>Whether the member gets the channel's alerts by email now; null when they may not read it.</summary>
    public async Task<bool?> ByEmailAsync(string userId, Guid channelId, CancellationToken cancellationToken)
    {
        if (!await access.MayReadAsync(userId, channelId, cancellationToken))
        {
            return null;
        }

        return await db.ChannelSubscriptions.Where(s => s.ChannelId == channelId && s.UserId == userId)
            .Select(s => (bool?)s.UrgentAlertsByEmail).SingleOrDefaultAsync(cancellationToken) ?? true;
    }

    public async Task ChangeAsync(string userId, Guid channelId, bool byEmail, CancellationToken cancellationToken)
    {
        var channel = await access.ReadableBy(userId).SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken)
            ?? throw new SharingRuleException("There is no such channel.");
        var subscription = await db.ChannelSubscriptions.SingleOrDefaultAsync(s => s.ChannelId == channelId && s.UserId == userId, cancellationToken);
        if (subscription is null)
        {
            if (channel.Kind is ChannelKind.Open or ChannelKind.WorkingGroup)
            {
                throw new SharingRuleException("Join the channel first.");
            }

            // Community, sector and country channels: the row only holds the member's settings.
            subscription = ChannelSubscription.Join(channelId, userId, clock.GetUtcNow());
            db.ChannelSubscriptions.Add(subscription);
        }

        subscription.ChangeUrgentAlertsByEmail(byEmail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
