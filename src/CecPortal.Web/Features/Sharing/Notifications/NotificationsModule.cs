using CecPortal.Web.Infrastructure.Jobs;
using Hangfire;

namespace CecPortal.Web.Features.Sharing.Notifications;

public static class NotificationsModule
{
    /// <summary>Notification emails: members' activity, the digests and the job that sends them every minute.</summary>
    public static IServiceCollection AddSharingNotifications(this IServiceCollection services)
    {
        services.AddScoped<SharingActivityFilter>();
        services.Configure<MvcOptions>(options => options.Filters.AddService<SharingActivityFilter>());
        services.AddScoped<SharingDigests>();
        services.AddScoped<SharingDigestJob>();
        services.AddRecurringJobs((recurring, _) =>
            recurring.AddOrUpdate<SharingDigestJob>(SharingDigestJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely()));
        return services;
    }
}
