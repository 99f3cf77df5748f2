using System.Data.Common;
using CecPortal.Web.Infrastructure.LocalPostgres;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CecPortal.Web.Infrastructure.Web;

public static class PortalDatabase
{
    public const string ConnectionStringName = "Portal";
    public const string LocalDatabaseName = "cecportal";

    /// <summary>How many statements Npgsql keeps prepared per connection when the connection string does not say.</summary>
    public const string MaxAutoPrepareSetting = "Database:MaxAutoPrepare";

    public const int DefaultMaxAutoPrepare = 64;

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

        var efConnectionString = ForPages(connectionString, builder.Configuration.GetValue(MaxAutoPrepareSetting, DefaultMaxAutoPrepare));

        // Pooled: a new context builds EF's internal services for itself (a third of a briefing page's allocations
        // under load); a pooled one is reset and reused, which is safe as the context has no state of its own.
        // Features hook into the context by registering an IInterceptor (the briefings' read cache does).
        builder.Services.AddDbContextPool<AppDbContext>((services, options) => options
            .UseNpgsql(efConnectionString)
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

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on (<c>Max Auto Prepare</c>), unless it sets its own:
    /// a statement run often on a connection is prepared there, so PostgreSQL plans a page's query once per connection
    /// instead of on every request. Planning was most of the cost of the larger pages: the member's Today statement
    /// took 11 to 19 ms to plan and 4 ms to run. Zero turns it off.
    /// </summary>
    /// <remarks>
    /// The pool also keeps a connection's session as it is when a request gives it back (<c>No Reset On Close</c>, unless
    /// the connection string sets it). With prepared statements on a connection, Npgsql's reset is seven statements
    /// (<c>RESET ALL</c>, <c>CLOSE ALL</c>, <c>UNLISTEN *</c>, ...) that PostgreSQL parses and runs before the next request's
    /// query: most of the database's work for a page of one query. Nothing the portal runs on this pool leaves session
    /// state behind: its locks are transaction-scoped, the live listener's <c>LISTEN</c> is on a connection outside the pool,
    /// and the briefing senders' relaxed commits are a startup option of their own pool. An open transaction is still
    /// rolled back when a connection goes back to the pool.
    /// </remarks>
    public static string ForPages(string connectionString, int maxAutoPrepare)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        if (npgsql.MaxAutoPrepare == 0)
        {
            npgsql.MaxAutoPrepare = maxAutoPrepare;
        }

        // Npgsql's builder knows every keyword; the plain builder holds only what the string says.
        var said = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!said.ContainsKey("No Reset On Close") && !said.ContainsKey("NoResetOnClose"))
        {
            npgsql.NoResetOnClose = true;
        }

        return npgsql.ConnectionString;
    }

    private sealed class LocalPostgresLifetime(LocalPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
    }
}
