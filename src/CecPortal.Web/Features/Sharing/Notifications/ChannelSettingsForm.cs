namespace CecPortal.Web.Features.Sharing.Notifications;

/// <summary>What the channel page's settings partial shows: the channel's address and the values to show.</summary>
public sealed record ChannelSettingsForm(string Slug, ChannelSettingsInput Input);
