using System.Threading.RateLimiting;
using CecPortal.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.RateLimiting;

namespace CecPortal.Web.Features.Briefings.Delivery;

public static class BriefingDeliverySetup
{
    /// <summary>
    /// The one-click unsubscribe POSTs, per client address. Looser than the public forms' limit: a large mail
    /// provider posts its users' one-click unsubscribes from a few addresses.
    /// </summary>
    public const string UnsubscribeRateLimit = "unsubscribe";

    public static IServiceCollection AddBriefingDelivery(this IServiceCollection services)
    {
        services.AddOptions<DkimOptions>().BindSettings(DkimOptions.Section);
        services.AddSingleton<DkimSigning>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<SmtpConnectionSlots>();
        services.AddScoped<BriefingEmail>();
        services.AddScoped<DeliveryLedger>();
        services.AddScoped<BriefingFanOut>();
        services.AddScoped<BriefingDeliveryQueue>();
        services.AddScoped<BriefingTestEmail>();
        services.AddScoped<OneClickUnsubscribe>();
        services.AddScoped<BriefingDeliveryReport>();
        services.AddScoped<MorningBriefingJob>();
        services.AddScoped<SendBriefingChunkJob>();
        services.AddScoped<BriefingDeliverySweepJob>();

        services.Configure<RateLimiterOptions>(options => options.AddPolicy(UnsubscribeRateLimit, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Infrastructure.Web.RateLimiting.Limits(context).UnsubscribePerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads")));
        return services;
    }
}
