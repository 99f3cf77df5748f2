using CecPortal.Web.Features;
using CecPortal.Web.Features.Account;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.Infrastructure.Observability;
using CecPortal.Web.Infrastructure.Operations;

namespace CecPortal.Web;

/// <summary>
/// What every feature stands on, in the order it is added. It sits beside <c>Program.cs</c>, not in
/// <c>Infrastructure/</c>, because identity and the Razor Pages setup belong to <c>Features/</c>, which
/// <c>Infrastructure/</c> never references.
/// </summary>
public static class PortalPlatform
{
    public static async Task AddPortalPlatformAsync(this WebApplicationBuilder builder)
    {
        builder.Logging.KeepSecretUrlsOutOfLogs();
        builder.AddPortalOperations();

        // Database first: its migrator and the embedded cluster's lifetime run before anything that uses it.
        var connectionString = await builder.AddPortalDatabaseAsync();
        var services = builder.Services;
        services.AddPortalJobs(builder.Configuration, connectionString);
        services.AddPortalTelemetry(builder.Configuration, connectionString);
        services.AddPortalOrigin();
        services.AddPortalForwardedHeaders();
        services.AddPortalIdentity(builder.Configuration);
        services.AddPortalEmail(builder.Configuration, builder.Environment);
        services.AddPortalWeb();
        services.AddPortalRateLimiting();
        services.AddPortalPages();
    }
}
