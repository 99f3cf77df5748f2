using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CecPortal.Web.Features.Sharing.Live;

/// <summary>Live updates of the sharing pages across instances: NOTIFY on every message change, one listener per instance, the stream endpoint.</summary>
public static class LiveModule
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSingleton<IInterceptor, LiveNotifyInterceptor>();
        services.AddSingleton<LiveStreams>();
        services.AddSingleton<LiveMessageRenderer>();
        services.AddScoped<LiveDispatcher>();
        services.AddHostedService<LiveListener>();
        return services;
    }
}
