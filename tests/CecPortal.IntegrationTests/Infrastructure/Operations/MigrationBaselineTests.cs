using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// The migrations start from one baseline: a database made before it (an old <c>.data/</c>) is refused with what to do,
/// and a database made from the baseline starts as before.
/// </summary>
public sealed class MigrationBaselineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_DatabaseFromBeforeTheBaseline_RefusedWithWhatToDo()
    {
        // Arrange
        var connectionString = await TestPostgres.CreateDatabaseAsync("prebaseline");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(Token);
            await using var insert = new NpgsqlCommand(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261125120233_InitialCreate', '10.0.0')", connection);
            await insert.ExecuteNonQueryAsync(Token);
        }

        await using var db = new AppDbContext(DesignTimeDbContextFactory.StandaloneOptions(connectionString));

        // Act
        var refusal = await Should.ThrowAsync<InvalidOperationException>(() => DatabaseMigrator.RefuseDatabaseFromBeforeTheBaselineAsync(db, Token));

        // Assert
        refusal.Message.ShouldContain("20261125120233_InitialCreate");
        refusal.Message.ShouldContain("delete the .data/ folder once");
    }

    [Fact]
    public async Task Start_DatabaseFromTheBaseline_MigratesWithNothingPending()
    {
        // Arrange
        var connectionString = await TestPostgres.CreateDatabaseAsync("baseline");
        await using var db = new AppDbContext(DesignTimeDbContextFactory.StandaloneOptions(connectionString));

        // Act
        await DatabaseMigrator.RefuseDatabaseFromBeforeTheBaselineAsync(db, Token);

        // Assert
        (await db.Database.GetAppliedMigrationsAsync(Token)).ShouldBe(db.Database.GetMigrations());
        (await db.Database.GetPendingMigrationsAsync(Token)).ShouldBeEmpty();
    }
}
