using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// Two portal instances, each served by Kestrel on its own loopback port with its own Hangfire server
/// ("instance-a", "instance-b"), on ONE database cloned from the seeded template, sending to one SMTP sink.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public const int ChunkSize = 10;

    public LeanSmtpSink Sink { get; } = new();

    public string ConnectionString { get; private set; } = string.Empty;

    public PortalFactory A { get; private set; } = null!;

    public PortalFactory B { get; private set; } = null!;

    public Uri AddressA { get; private set; } = null!;

    public Uri AddressB { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("twoinst");

        // One after the other: Hangfire keeps process-wide defaults, and each instance takes its own as it starts.
        (A, AddressA) = Start("instance-a");
        (B, AddressB) = Start("instance-b");
        await Task.CompletedTask;
    }

    /// <summary>A browser-like client for one instance; clients that share <paramref name="cookies"/> share a session.</summary>
    public static HttpClient Client(Uri address, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = address };

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = A.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Sink.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }

    private (PortalFactory Factory, Uri Address) Start(string serverName)
    {
        var factory = new PortalFactory(ConnectionString, Sink.Port, new Dictionary<string, string?>
        {
            ["Jobs:ServerName"] = serverName,
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
            ["Briefings:ChunkSize"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Briefings:SmtpConcurrency"] = "1",
            ["Portal:BaseUrl"] = "https://portal.test",
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (factory, new Uri(address.EndsWith('/') ? address : address + "/"));
    }
}
