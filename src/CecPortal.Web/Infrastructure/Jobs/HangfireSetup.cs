using CecPortal.Web.Infrastructure.Operations;
using Hangfire;
using Hangfire.PostgreSql;

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
