using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Health;
using CecPortal.Web.Infrastructure.Markdown;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CecPortal.Web.Infrastructure.Web;

public static class PortalWebSetup
{
    /// <summary>
    /// The generic services every feature leans on: the clock, the audit log, work after the response, Markdown,
    /// HSTS for a year, and the readiness checks for the database and its migrations.
    /// </summary>
    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddSingleton<AfterResponse>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditPseudonyms>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsAppliedHealthCheck>("migrations", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// <c>/health/live</c> answers while the process runs (no checks); <c>/health/ready</c> runs the checks tagged
    /// <c>ready</c> (database, migrations, jobs). Both are open to the load balancer.
    /// </summary>
    public static void MapPortalHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    }
}
