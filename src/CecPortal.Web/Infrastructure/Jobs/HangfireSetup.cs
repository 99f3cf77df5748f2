using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Breach;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Features.Webinars;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Operations;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace CecPortal.Web.Infrastructure.Jobs;

public static class HangfireSetup
{
    public const string DashboardPath = "/admin/jobs";

    /// <summary>Hangfire on the portal's own PostgreSQL database, in the <c>hangfire</c> schema.</summary>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddSingleton(new JobsInstance(options.EffectiveServerName, TimeProvider.System.GetUtcNow()));
        services.AddScoped<JobsCanaryJob>();
        services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs", tags: ["ready"]);
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                bootstrapper => bootstrapper.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = options.QueuePollInterval,
                }));

        if (options.ServerEnabled)
        {
            services.AddHangfireServer((provider, server) =>
            {
                // Read through IOptions so that a bad Jobs__WorkerCount stops start-up with the settings message.
                var jobs = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.WorkerCount = jobs.WorkerCount;
                server.ServerName = jobs.EffectiveServerName;
                server.SchedulePollingInterval = jobs.SchedulePollingInterval;
                server.HeartbeatInterval = jobs.HeartbeatInterval;
                GracefulShutdown.Apply(server, provider.GetRequiredService<IOptions<ShutdownOptions>>().Value);
            });
        }

        return services;
    }

    /// <summary>The dashboard at <see cref="DashboardPath"/>, for the <c>Admin</c> role only (enforced by endpoint authorization).</summary>
    public static void MapPortalJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // Hangfire's default filter only admits local requests, which is wrong behind a proxy;
            // the endpoint's authorization policy below decides instead.
            Authorization = [],
            AsyncAuthorization = [],
            DashboardTitle = "CEC Portal jobs",
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Policies.Admin);
    }

    /// <summary>Recurring jobs are declared once here, so every feature's schedule is visible in one place.</summary>
    public static void RegisterRecurringJobs(IRecurringJobManager recurring, BriefingOptions briefings, JobsOptions jobs)
    {
        recurring.AddOrUpdate<JobsCanaryJob>(JobsCanaryJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), jobs.CanaryCron);
        recurring.AddOrUpdate<EmailOutboxSweepJob>(EmailOutboxSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
        recurring.AddOrUpdate<ExpireUnverifiedApplicationsJob>(ExpireUnverifiedApplicationsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "17 * * * *");
        recurring.AddOrUpdate<MorningBriefingJob>(
            MorningBriefingJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            briefings.SendCron,
            new RecurringJobOptions { TimeZone = briefings.ResolveTimeZone() });
        recurring.AddOrUpdate<BriefingDeliverySweepJob>(BriefingDeliverySweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), BriefingDeliverySweepJob.Cron);
        recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.ClosedApplicationsJobId, job => job.DeleteClosedApplicationsAsync(CancellationToken.None), RetentionJobs.ClosedApplicationsCron);
        recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.DeliveryDetailsJobId, job => job.DeleteDeliveryDetailsAsync(CancellationToken.None), RetentionJobs.DeliveryDetailsCron);
        recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.SentEmailsJobId, job => job.DeleteSentEmailsAsync(CancellationToken.None), RetentionJobs.SentEmailsCron);
        recurring.AddOrUpdate<RetentionJobs>(RetentionJobs.AuditClientDetailsJobId, job => job.ClearAuditClientDetailsAsync(CancellationToken.None), RetentionJobs.AuditClientDetailsCron);
        recurring.AddOrUpdate<BreachNoticeSweepJob>(BreachNoticeSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
        recurring.AddOrUpdate<WebinarAnnouncementSweepJob>(WebinarAnnouncementSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "*/10 * * * *");
        recurring.AddOrUpdate<TopUpWebinarSessionsJob>(TopUpWebinarSessionsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), TopUpWebinarSessionsJob.Cron);
    }
}
