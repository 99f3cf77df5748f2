namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>Who a channel is for; <see cref="ChannelAccess"/> turns it into who may read it.</summary>
public enum ChannelKind
{
    /// <summary>Everyone in the community; exists once.</summary>
    Community = 0,

    /// <summary>The members of one NIS2 sector, from their profile.</summary>
    Sector = 1,

    /// <summary>The members working in one country, from their profile.</summary>
    Country = 2,

    /// <summary>A channel on a subject that any member may read and join.</summary>
    Open = 3,

    /// <summary>Invite-only: readable by the members staff or the group's moderators added.</summary>
    WorkingGroup = 4,
}
