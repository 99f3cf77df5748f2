using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.Operations;
using Hangfire;

namespace CecPortal.Web.Features.Deliverability;

public static class DeliverabilityModule
{
    /// <summary>
    /// Mail that is known to arrive (issue 18): bounces and complaints read from the bounce mailbox, SMTP refusals,
    /// undeliverable addresses, the member's banner and staff's "delivery problems".
    /// </summary>
    public static IServiceCollection AddDeliverability(this IServiceCollection services)
    {
        services.AddOptions<BounceMailboxOptions>().BindSettings(BounceMailboxOptions.Section);
        services.AddScoped<AddressBounces>();
        services.AddScoped<IAddressProblems>(provider => provider.GetRequiredService<AddressBounces>());
        services.AddScoped<BounceReportReader>();
        services.AddScoped<BounceMailboxJob>();
        services.AddScoped<BounceRetentionJob>();
        services.AddScoped<DeliveryProblems>();
        services.AddScoped<DeliverabilityDemoData>();
        services.AddRecurringJobs((recurring, _) =>
        {
            recurring.AddOrUpdate<BounceMailboxJob>(BounceMailboxJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), BounceMailboxJob.Cron);
            recurring.AddOrUpdate<BounceRetentionJob>(BounceRetentionJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), BounceRetentionJob.Cron);
        });
        return services;
    }
}
