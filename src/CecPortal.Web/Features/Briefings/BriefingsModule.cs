using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.Operations;
using Hangfire;

namespace CecPortal.Web.Features.Briefings;

public static class BriefingsModule
{
    /// <summary>Writing, reading and subscribing to briefings, their delivery by email and the morning send.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services)
    {
        services.AddScoped<BriefingEditor>();
        services.AddScoped<BriefingReader>();
        services.AddScoped<BriefingSubscription>();
        services.AddScoped<BriefingFeed>();
        services.AddScoped<BriefingDemoData>();
        services.AddOptions<BriefingOptions>().BindSettings(BriefingOptions.Section);
        services.AddBriefingDelivery();
        services.AddRecurringJobs((recurring, provider) =>
        {
            var briefings = provider.GetRequiredService<IOptions<BriefingOptions>>().Value;
            recurring.AddOrUpdate<MorningBriefingJob>(
                MorningBriefingJob.RecurringJobId,
                job => job.RunAsync(CancellationToken.None),
                briefings.SendCron,
                new RecurringJobOptions { TimeZone = briefings.ResolveTimeZone() });
            recurring.AddOrUpdate<BriefingDeliverySweepJob>(BriefingDeliverySweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), BriefingDeliverySweepJob.Cron);
        });
        return services;
    }
}
