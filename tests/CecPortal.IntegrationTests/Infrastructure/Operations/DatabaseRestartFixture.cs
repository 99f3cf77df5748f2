using CecPortal.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// One portal on a PostgreSQL cluster of its own (never the shared one: these tests stop it), with the jobs canary
/// every two seconds and short Hangfire intervals so that an outage and the recovery after it show quickly.
/// </summary>
public sealed class DatabaseRestartFixture : IAsyncLifetime
{
    public DedicatedPostgres Postgres { get; private set; } = null!;

    /// <summary>Readiness fails once the canary is older than this; the restart test's outage outlasts it.</summary>
    public static readonly TimeSpan CanaryMaxAge = TimeSpan.FromSeconds(6);

    public SmtpSink Smtp { get; } = new();

    public PortalFactory Factory { get; private set; } = null!;

    public string ConnectionString => Postgres.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        Postgres = await DedicatedPostgres.StartAsync("restart");
        Factory = new PortalFactory(Postgres.ConnectionString, Smtp.Port, new Dictionary<string, string?>
        {
            ["Jobs:ServerName"] = "restart-test",
            ["Jobs:CanaryCron"] = "*/2 * * * * *",
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
            ["Jobs:HeartbeatInterval"] = "00:00:01",
            ["Jobs:CanaryMaxAge"] = CanaryMaxAge.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:DistributedLockTimeout"] = "00:00:05",
        });
        _ = Factory.Server;
    }

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Postgres.DisposeAsync();
    }
}
