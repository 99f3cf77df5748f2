using CecPortal.Web.Features.Unsubscribe;
using CecPortal.Web.Infrastructure.Operations;

namespace CecPortal.Web.Features.Briefings.Delivery;

public static class BriefingDeliverySetup
{
    public static IServiceCollection AddBriefingDelivery(this IServiceCollection services)
    {
        services.AddOptions<DkimOptions>().BindSettings(DkimOptions.Section);
        services.AddSingleton<DkimSigning>();
        services.AddUnsubscribe();
        services.AddSingleton<SmtpConnectionSlots>();
        services.AddScoped<BriefingEmail>();
        services.AddScoped<IDeliverySource, BriefingDeliverySource>();
        services.AddScoped<DeliveryLedger>();
        services.AddScoped<BriefingFanOut>();
        services.AddScoped<BriefingDeliveryQueue>();
        services.AddScoped<BriefingTestEmail>();
        services.AddScoped<BriefingDeliveryReport>();
        services.AddScoped<MorningBriefingJob>();
        services.AddScoped<SendBriefingChunkJob>();
        services.AddScoped<SendDeliveryChunkJob>();
        services.AddScoped<BriefingDeliverySweepJob>();
        return services;
    }
}
