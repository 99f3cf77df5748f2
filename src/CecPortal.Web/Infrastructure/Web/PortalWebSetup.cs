using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Health;
using CecPortal.Web.Infrastructure.Markdown;

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
}
