using System.Net;
using CecPortal.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// Stopping the portal (SIGTERM) while a request is still working: Kestrel stops taking connections at once, waits
/// for the request (within <c>Shutdown:Timeout</c>), and the person's change is saved and answered, not cut off.
/// </summary>
public sealed class InFlightShutdownTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stop_WhileARequestWaitsForTheDatabase_TheRequestFinishesAndNewConnectionsAreRefused()
    {
        // Arrange: the portal on a real Kestrel port, and a member signed in.
        var connectionString = await TestPostgres.CreateDatabaseAsync("inflight");
        await using var smtp = new SmtpSink();
        await using var factory = new PortalFactory(connectionString, smtp.Port, new Dictionary<string, string?> { ["Shutdown:Timeout"] = "00:00:30" });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        using var client = TwoInstancesFixture.Client(address, new CookieContainer());
        (await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var memberId = await WithDbAsync(factory, db => db.Users.Where(u => u.Email == PortalFactory.MemberEmail).Select(u => u.Id).SingleAsync(Token));

        // Another session holds the member's row as an update does, so that the save below waits in the database.
        // (Not FOR UPDATE: that would also hold up rows that merely refer to the member, such as the activity record
        // a page view writes, and the wait would come before the save.)
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync(Token);
        await using var transaction = await holder.BeginTransactionAsync(Token);
        await using (var hold = new NpgsqlCommand("""SELECT 1 FROM "AspNetUsers" WHERE "Id" = @id FOR NO KEY UPDATE""", holder, transaction))
        {
            hold.Parameters.AddWithValue("id", memberId);
            await hold.ExecuteScalarAsync(Token);
        }

        // Act: the member turns the daily email off; the portal is stopped while that save waits.
        var saving = client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=daily-email-form]");
        await WaitForLockWaitAsync(connectionString);
        var stopping = factory.Services.GetRequiredService<IHost>().StopAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1), Token);
        var stoppedBeforeTheRequest = stopping.IsCompleted;
        var newConnection = await TryConnectAsync(address);
        await transaction.CommitAsync(Token);
        using var response = await saving.WaitAsync(TimeSpan.FromSeconds(30), Token);
        await stopping.WaitAsync(TimeSpan.FromSeconds(30), Token);

        // Assert
        stoppedBeforeTheRequest.ShouldBeFalse("the host waits for the request in flight");
        newConnection.ShouldBeFalse("a stopping portal takes no new connections");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/profile");
        await using var check = new NpgsqlConnection(connectionString);
        await check.OpenAsync(Token);
        await using var read = new NpgsqlCommand("""SELECT "BriefingOptOutAt" IS NOT NULL FROM "AspNetUsers" WHERE "Id" = @id""", check);
        read.Parameters.AddWithValue("id", memberId);
        ((bool)(await read.ExecuteScalarAsync(Token))!).ShouldBeTrue("the change made during the shutdown is saved");
    }

    private static async Task<T> WithDbAsync<T>(PortalFactory factory, Func<CecPortal.Web.Data.AppDbContext, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CecPortal.Web.Data.AppDbContext>());
    }

    private static async Task WaitForLockWaitAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await command.ExecuteScalarAsync(Token))! > 0)
            {
                return;
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "the save never reached the held row");
            await Task.Delay(TimeSpan.FromMilliseconds(50), Token);
        }
    }

    private static async Task<bool> TryConnectAsync(Uri address)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(address.Host, address.Port, Token);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
