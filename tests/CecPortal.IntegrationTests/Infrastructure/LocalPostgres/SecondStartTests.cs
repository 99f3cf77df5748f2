using CecPortal.Web.Infrastructure.LocalPostgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.LocalPostgres;

/// <summary>A second portal started from the same folder (a second <c>dotnet run</c>) leaves the first one's database alone.</summary>
public sealed class SecondStartTests : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"cecportal-second-{Guid.NewGuid():N}");

    [Fact]
    public async Task Start_WhileAnotherOwnerRuns_FailsWithOneSentenceAndLeavesTheFirstServing()
    {
        // Arrange
        var dataDirectory = Path.Combine(_root, "postgres");
        await using var first = await LocalPostgresCluster.StartAsync(dataDirectory, "portal", NullLogger.Instance, cancellationToken: TestContext.Current.CancellationToken);

        // Act
        var failure = await Should.ThrowAsync<LocalPostgresException>(
            () => LocalPostgresCluster.StartAsync(dataDirectory, "portal", NullLogger.Instance, cancellationToken: TestContext.Current.CancellationToken));

        // Assert
        failure.Message.ShouldStartWith($"Another CEC Portal is already running from this folder (pid {Environment.ProcessId})");
        await using var connection = new NpgsqlConnection(first.ConnectionStringFor("portal"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand("SELECT 41 + 1", connection);
        (await query.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(42);
    }

    [Fact]
    public async Task Start_AfterTheOwnerStopped_StartsAgain()
    {
        // Arrange
        var dataDirectory = Path.Combine(_root, "postgres");
        var first = await LocalPostgresCluster.StartAsync(dataDirectory, "portal", NullLogger.Instance, cancellationToken: TestContext.Current.CancellationToken);
        await first.StopAsync();

        // Act
        await using var second = await LocalPostgresCluster.StartAsync(dataDirectory, "portal", NullLogger.Instance, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        await using var connection = new NpgsqlConnection(second.ConnectionStringFor("portal"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        connection.State.ShouldBe(System.Data.ConnectionState.Open);
    }

    [Fact]
    public async Task Start_WhileTheOwnerIsStopping_WaitsForItThenStarts()
    {
        // Arrange: the owner lets go of the folder only after its server is down, a moment after the pid file goes
        var dataDirectory = Path.Combine(_root, "postgres");
        var first = await LocalPostgresCluster.StartAsync(dataDirectory, "portal", NullLogger.Instance, cancellationToken: TestContext.Current.CancellationToken);
        var second = LocalPostgresCluster.StartAsync(dataDirectory, "portal", NullLogger.Instance, cancellationToken: TestContext.Current.CancellationToken);

        // Act
        await first.StopAsync();
        await using var started = await second;

        // Assert
        await using var connection = new NpgsqlConnection(started.ConnectionStringFor("portal"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        connection.State.ShouldBe(System.Data.ConnectionState.Open);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
