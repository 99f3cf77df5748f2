namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>
/// A member's own choices about a channel: join and leave open channels (their sector's, country's and the community
/// channel follow the profile and cannot be left, only muted), mute, and what may notify them.
/// </summary>
public sealed class ChannelMembership(AppDbContext db, ChannelAccess access, TimeProvider clock)
{
    public async Task JoinAsync(string userId, Guid channelId, CancellationToken cancellationToken)
    {
        var channel = await ReadableAsync(userId, channelId, cancellationToken);
        if (!channel.IsJoinable)
        {
            throw new SharingRuleException(channel.Kind == ChannelKind.WorkingGroup
                ? "Working groups are invite-only: ask one of its moderators to add you."
                : "You are in this channel through your profile already.");
        }

        if (await FindAsync(userId, channelId, cancellationToken) is null)
        {
            db.ChannelSubscriptions.Add(ChannelSubscription.Join(channelId, userId, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task LeaveAsync(string userId, Guid channelId, CancellationToken cancellationToken)
    {
        var channel = await ReadableAsync(userId, channelId, cancellationToken);
        if (!channel.MayBeLeft)
        {
            throw new SharingRuleException(channel.Kind == ChannelKind.Community
                ? "Everyone is in the community channel; you can mute it instead."
                : "Your sector's and country's channels follow your profile; you can mute this one instead.");
        }

        await db.ChannelSubscriptions.Where(s => s.ChannelId == channelId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Mute, notification level and urgent alerts by email; for the channels the profile decides, the first change makes the settings row.</summary>
    public async Task ChangeSettingsAsync(string userId, Guid channelId, bool muted, NotifyLevel notify, bool urgentAlertsByEmail, CancellationToken cancellationToken)
    {
        var channel = await ReadableAsync(userId, channelId, cancellationToken);
        var subscription = await FindAsync(userId, channelId, cancellationToken);
        if (subscription is null)
        {
            if (channel.MayBeLeft)
            {
                throw new SharingRuleException("Join the channel first.");
            }

            subscription = ChannelSubscription.Join(channelId, userId, clock.GetUtcNow());
            db.ChannelSubscriptions.Add(subscription);
        }

        subscription.ChangeNotify(notify);
        subscription.ChangeUrgentAlertsByEmail(urgentAlertsByEmail);
        if (muted)
        {
            subscription.Mute();
        }
        else
        {
            subscription.Unmute();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Channel> ReadableAsync(string userId, Guid channelId, CancellationToken cancellationToken) =>
        await access.ReadableBy(userId).AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken)
            ?? throw new SharingRuleException("This channel is not available to you.");

    private Task<ChannelSubscription?> FindAsync(string userId, Guid channelId, CancellationToken cancellationToken) =>
        db.ChannelSubscriptions.FirstOrDefaultAsync(s => s.ChannelId == channelId && s.UserId == userId, cancellationToken);
}
