using System.Net;
using CecPortal.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.HttpOverrides;

namespace CecPortal.Web.Infrastructure.Web;

public static class ReverseProxy
{
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>().BindSettings(ReverseProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((options, configured) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // ASP.NET Core trusts loopback out of the box; the portal trusts only what the operator lists.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configured.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }

            foreach (var network in configured.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }

            // Each hop is taken only while the address it came from is a listed proxy, so a chain of them works and
            // an address the client wrote at the left of X-Forwarded-For is never reached.
            options.ForwardLimit = null;
        });
        return services;
    }
}
