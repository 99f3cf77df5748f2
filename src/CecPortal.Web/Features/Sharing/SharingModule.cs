using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Live;
using CecPortal.Web.Features.Sharing.Moderation;
using CecPortal.Web.Features.Sharing.Notifications;
using CecPortal.Web.Features.Sharing.Search;
using CecPortal.Web.Features.Sharing.Sightings;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Operations;

namespace CecPortal.Web.Features.Sharing;

public static class SharingModule
{
    /// <summary>The members' sharing space: channels that fill themselves from the profiles, topics and messages.</summary>
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddOptions<SharingOptions>().BindSettings(SharingOptions.Section);
        services.AddSingleton<PostingRateLimiter>();
        services.AddScoped<ChannelAccess>();
        services.AddScoped<ChannelDirectory>();
        services.AddScoped<ChannelMembership>();
        services.AddScoped<ReadState>();
        services.AddScoped<TopicReader>();
        services.AddScoped<MessageWriter>();
        services.AddScoped<SharingErasure>();
        services.AddScoped<MessageSearcher>();
        services.AddScoped<MessageSightings>();
        services.AddScoped<IDatabaseStartupStep, SharingChannelsOnStartup>();
        services.AddLiveUpdates();
        services.AddSharingNotifications();
        services.AddUrgentAlerts();
        services.AddSharingModeration();
        return services;
    }
}
