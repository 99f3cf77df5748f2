using CecPortal.Web.Infrastructure.LocalPostgres;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CecPortal.Web.Infrastructure.Web;

public static class PortalDatabase
{
    public const string ConnectionStringName = "Portal";
    public const string LocalDatabaseName = "cecportal";

    /// <summary>
    /// Resolves the connection string: the configured one, or in Development a private cluster under
    /// <c>.data/postgres</c> started now and stopped with the host.
    /// </summary>
    public static async Task<string> AddPortalDatabaseAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new PortalConfigurationException(
                    "No database is configured: set ConnectionStrings__Portal to the PostgreSQL connection string (the embedded database is for Development only).");
            }

            using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
            var dataDirectory = Path.Combine(PortalPaths.DataRoot(builder.Configuration, builder.Environment.ContentRootPath), "postgres");
            var cluster = await LocalPostgresCluster.StartAsync(dataDirectory, LocalDatabaseName, loggerFactory.CreateLogger<LocalPostgresCluster>());
            connectionString = cluster.ConnectionStringFor(LocalDatabaseName);

            builder.Services.AddSingleton(cluster);
        }

        // Pooled: a new context builds EF's internal services for itself (a third of a briefing page's allocations
        // under load); a pooled one is reset and reused, which is safe as the context has no state of its own.
        // Features hook into the context by registering an IInterceptor (the briefings' read cache does).
        builder.Services.AddDbContextPool<AppDbContext>((services, options) => options
            .UseNpgsql(connectionString)
            .AddInterceptors(services.GetServices<IInterceptor>()));

        // Hosted services start in registration order and stop in reverse. These two go before the framework's own
        // (data protection reads its key ring from the database at start-up): migrations first, and the local
        // cluster stopped last, after Hangfire and everything else that uses it.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrator>());
        if (builder.Services.Any(d => d.ServiceType == typeof(LocalPostgresCluster)))
        {
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, LocalPostgresLifetime>());
        }

        return connectionString;
    }

    private sealed class LocalPostgresLifetime(LocalPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
    }
}
