using CecPortal.Web.Infrastructure.Operations;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

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
        services.AddRecurringJobs((recurring, provider) => recurring.AddOrUpdate<JobsCanaryJob>(
            JobsCanaryJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            provider.GetRequiredService<IOptions<JobsOptions>>().Value.CanaryCron));
        services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs", tags: ["ready"]);

        // The storage and the job activator are this app's own services. Hangfire's defaults are the process-wide
        // JobStorage.Current and JobActivator.Current, which a second host in the same process (a test, a benchmark
        // running two instances) would replace, taking the first host's jobs into its own service provider.
        services.AddSingleton<JobStorage>(provider =>
        {
            // Hangfire's settings (serializer, logging) first, as Hangfire's own registration does.
            provider.GetRequiredService<IGlobalConfiguration>();
            var jobs = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = jobs.QueuePollInterval,
                DistributedLockTimeout = jobs.DistributedLockTimeout,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<HangfireLogs.Attachment>();
        services.AddHangfire((provider, config) =>
        {
            // Resolved here, so that the host's logging is attached before Hangfire logs anything, and detached
            // (disposed with the host's services) before the logger factory it holds.
            provider.GetRequiredService<HangfireLogs.Attachment>();
            config
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireLogs.Instance);
        });

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

    /// <summary>Declares a module's recurring jobs; they are added or updated at start-up by <see cref="UsePortalRecurringJobs"/>.</summary>
    public static IServiceCollection AddRecurringJobs(this IServiceCollection services, Action<IRecurringJobManager, IServiceProvider> register) =>
        services.AddSingleton(new RecurringJobsRegistration(register));

    /// <summary>
    /// Adds or updates every module's recurring jobs once the portal has started, so that settings read for a
    /// schedule (a cron, a time zone) have already passed the start-up checks.
    /// </summary>
    public static void UsePortalRecurringJobs(this WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var registration in app.Services.GetServices<RecurringJobsRegistration>())
        {
            registration.Register(recurring, app.Services);
        }
    });
}
