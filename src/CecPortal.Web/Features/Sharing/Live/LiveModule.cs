namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>Live updates of the sharing pages across instances: the database announces every message change (a trigger, migration SharingChangeAtCommit), one listener per instance, the stream endpoint.</summary>
public static class LiveModule
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<LiveStreams>();
        services.AddSingleton<LiveMessageRenderer>();
        services.AddScoped<LiveDispatcher>();
        services.AddHostedService<LiveListener>();
        return services;
    }
}
