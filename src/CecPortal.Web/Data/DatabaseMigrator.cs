using CecPortal.Web.Features.Account.TwoFactor;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CecPortal.Web.Data;

/// <summary>
/// Applies EF Core migrations at start-up (unless <c>Database:MigrateOnStartup</c> is false, for deployments
/// that migrate separately), protects two-step sign-in secrets stored in the clear by earlier versions, then seeds demo
/// data when <c>Demo:SeedOnStartup</c> is on and the database has no users.
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            // Creating the history table first spares a fresh database EF's logged (and harmless) failed query for it.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrations applied.");
        }

        // A rewrite of data, not of the schema, so not a migration: it needs the schema complete and is safe to repeat.
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await scope.ServiceProvider.GetRequiredService<TwoFactorSecretsConversion>().ConvertAsync(cancellationToken);
        }

        // On in appsettings.Development.json; docker-compose turns it on for its demo stack.
        if (configuration.GetValue("Demo:SeedOnStartup", defaultValue: false))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
