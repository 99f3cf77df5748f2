using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>Whom an urgent alert is emailed to: read when the ledger is filled, and again before every send pass.</summary>
public sealed class AlertRecipients(AppDbContext db, ChannelAccess access)
{
    /// <summary>
    /// The readers of <paramref name="channelId"/> (<see cref="ChannelAccess"/>, which leaves out the suspended and the
    /// erased) with a confirmed address who did not turn urgent alerts off for the channel (no settings row means on).
    /// An open channel is readable by everyone, but its members are those who joined it: only they get its alerts by email.
    /// </summary>
    public IQueryable<string> Of(Guid channelId) =>
        access.ReadersOf(channelId)
            .Where(u => u.EmailConfirmed && u.Email != null)
            .Where(u => db.Channels.Any(c => c.Id == channelId && c.Kind != ChannelKind.Open)
                || db.ChannelSubscriptions.Any(s => s.ChannelId == channelId && s.UserId == u.Id))
            .Where(u => !db.ChannelSubscriptions.Any(s => s.ChannelId == channelId && s.UserId == u.Id && !s.UrgentAlertsByEmail))
            .Select(u => u.Id);
}
