using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CecPortal.Web.Features.Admin.Sharing;

public static class SharingAdministrationModule
{
    /// <summary>
    /// The sharing space's staff side: channel administration (also used by a working group's own moderators) and the
    /// space's demo data. <see cref="ChannelAccess"/> is the sharing module's; it is added here only if that module has not.
    /// </summary>
    public static IServiceCollection AddSharingAdministration(this IServiceCollection services)
    {
        services.TryAddScoped<ChannelAccess>();
        services.AddScoped<ChannelAdministration>();
        services.AddScoped<SharingDemoData>();
        return services;
    }
}
