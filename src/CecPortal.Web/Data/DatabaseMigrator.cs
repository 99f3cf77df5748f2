using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CecPortal.Web.Data;

/// <summary>
/// Applies EF Core migrations at start-up (unless <c>Database:MigrateOnStartup</c> is false, for deployments
/// that migrate separately), then seeds demo data when <c>Demo:SeedOnStartup</c> is on and the database has no users.
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

            // Creating the history table first spares a fresh database EF's logged (and harmless) failed query for it.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrations applied.");
        }

        // On in appsettings.Development.json; docker-compose turns it on for its demo stack.
        if (configuration.GetValue("Demo:SeedOnStartup", defaultValue: false))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
