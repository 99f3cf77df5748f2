namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>What in a channel may notify a member.</summary>
public enum NotifyLevel
{
    All = 0,
    MentionsOnly = 1,
    Nothing = 2,
}
