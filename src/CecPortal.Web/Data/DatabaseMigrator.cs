using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CecPortal.Web.Data;

/// <summary>
/// Applies EF Core migrations at start-up (unless <c>Database:MigrateOnStartup</c> is false, for deployments
/// that migrate separately), then runs the features' <see cref="IDatabaseStartupStep"/>s (the demo seed) once the
/// schema is complete.
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        bool schemaComplete;
        if (configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            // Creating the history table first spares a fresh database EF's logged (and harmless) failed query for it.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = await RefuseDatabaseFromBeforeTheBaselineAsync(db, cancellationToken);
            if (pending == 0)
            {
                // EF's MigrateAsync would still compare the model with the migrations' snapshot (HasPendingModelChanges),
                // half a second of CPU at each start that a schema already complete does not need. The comparison still
                // runs where migrations are applied, and MigrationBaselineTests makes it on every test run.
                logger.LogInformation("Database schema is up to date; no migrations to apply.");
            }
            else
            {
                await db.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Database migrations applied.");
            }

            schemaComplete = true;
        }
        else
        {
            schemaComplete = !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        }

        if (!schemaComplete)
        {
            return;
        }

        foreach (var step in scope.ServiceProvider.GetServices<IDatabaseStartupStep>())
        {
            await step.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The migrations were squashed into one baseline before the first deployment. A database made by a build
    /// from before that (a developer's old <c>.data/</c>) records migrations this build no longer has; migrating
    /// it would fail half-way on tables that already exist, so start-up stops with what to do instead.
    /// </summary>
    /// <returns>How many of this build's migrations the database has not applied yet.</returns>
    internal static async Task<int> RefuseDatabaseFromBeforeTheBaselineAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database was created by an older build of the portal (it records migration {unknown[0]}, which this build does not have). "
                + "For the local portal, delete the .data/ folder once and start again; for any other database, recreate it.");
        }

        return known.Count(id => !applied.Contains(id));
    }
}
