using CecPortal.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.HostFiltering;

namespace CecPortal.Web.Infrastructure.Web;

public static class PortalOriginSetup
{
    /// <summary>
    /// The validated <c>Portal:BaseUrl</c> and the link builder on it. Outside Development, unless <c>AllowedHosts</c>
    /// is set, only requests naming the host of that address are served (others get 400 from host filtering).
    /// </summary>
    public static IServiceCollection AddPortalOrigin(this IServiceCollection services)
    {
        services.AddOptions<PortalOrigin>()
            .Configure<IConfiguration, IHostEnvironment>(PortalOrigin.Read)
            .ValidateSettings("Portal");
        services.AddSingleton<PortalUrls>();

        // Configure runs before the host's own post-configuration, which falls back to AllowedHosts (or "*").
        services.AddOptions<HostFilteringOptions>().Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
        {
            if (!environment.IsDevelopment()
                && string.IsNullOrWhiteSpace(configuration["AllowedHosts"])
                && PortalOrigin.Parse(configuration[PortalOrigin.Setting]) is { } address)
            {
                options.AllowedHosts = [address.IdnHost];
            }
        });
        return services;
    }
}
