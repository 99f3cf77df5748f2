using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// The migrations start from one baseline: a database made before it (an old <c>.data/</c>) is refused with what to do,
/// a database made from the baseline starts as before, and the model has no change the migrations lack.
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
        var pending = await DatabaseMigrator.RefuseDatabaseFromBeforeTheBaselineAsync(db, Token);

        // Assert
        pending.ShouldBe(0);
        (await db.Database.GetAppliedMigrationsAsync(Token)).ShouldBe(db.Database.GetMigrations());
        (await db.Database.GetPendingMigrationsAsync(Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Start_EmptyDatabase_CountsEveryMigrationAsPending()
    {
        // Arrange: a database with the history table only, as start-up leaves a new one before migrating.
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync("nomigrations");
        await using var db = new AppDbContext(DesignTimeDbContextFactory.StandaloneOptions(connectionString));
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(Token);

        // Act
        var pending = await DatabaseMigrator.RefuseDatabaseFromBeforeTheBaselineAsync(db, Token);

        // Assert
        pending.ShouldBe(db.Database.GetMigrations().Count());
        pending.ShouldBeGreaterThan(0);
    }

    /// <summary>
    /// Start-up skips EF's migrate step when every migration is applied, and with it EF's check that the model has no
    /// change the migrations lack: this test makes that check on every run instead.
    /// </summary>
    [Fact]
    public async Task Model_HasNoChangeMissingFromTheMigrations()
    {
        // Arrange
        var connectionString = await TestPostgres.CreateDatabaseAsync("modelcheck");
        await using var db = new AppDbContext(DesignTimeDbContextFactory.StandaloneOptions(connectionString));

        // Act
        var pendingChanges = db.Database.HasPendingModelChanges();

        // Assert
        pendingChanges.ShouldBeFalse("the model has changes no migration makes: add one with dotnet ef migrations add");
    }
}
