namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>A member's standing in one channel; a group moderator may add members to their working group.</summary>
public enum SubscriptionRole
{
    Member = 0,
    GroupModerator = 1,
}
