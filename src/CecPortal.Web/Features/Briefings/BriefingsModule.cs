using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.Operations;
using Hangfire;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CecPortal.Web.Features.Briefings;

public static class BriefingsModule
{
    /// <summary>Writing, reading and subscribing to briefings, their delivery by email and the morning send.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services)
    {
        // The read cache is dropped by the context's interceptor whenever a briefing changes.
        services.AddSingleton<BriefingReadCache>();
        services.AddSingleton<BriefingChangesInterceptor>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<BriefingChangesInterceptor>());
        services.AddScoped<BriefingEditor>();
        services.AddScoped<BriefingReader>();
        services.AddScoped<BriefingReads>();
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
