using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Unsubscribe;

public static class UnsubscribeModule
{
    /// <summary>
    /// The one-click unsubscribe POSTs, per client address. Looser than the public forms' limit: a large mail
    /// provider posts its users' one-click unsubscribes from a few addresses.
    /// </summary>
    public const string RateLimitPolicy = "unsubscribe";

    /// <summary>
    /// The one-click unsubscribe page for every mailing list, the tokens its links carry and its rate limit. Each
    /// feature that emails a list calls it, so a link is never sent without the page that honours it; the second call
    /// adds nothing.
    /// </summary>
    public static IServiceCollection AddUnsubscribe(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(OneClickUnsubscribe)))
        {
            return services;
        }

        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<OneClickUnsubscribe>();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(RateLimitPolicy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = RateLimiting.Limits(context).UnsubscribePerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads")));
        return services;
    }
}
