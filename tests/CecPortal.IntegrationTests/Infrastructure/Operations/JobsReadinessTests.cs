using System.Net;
using CecPortal.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>Readiness follows whether background jobs run, not only whether the database answers.</summary>
public sealed class JobsReadinessTests
{
    [Fact]
    public async Task Ready_NoHangfireServerRunsTheCanary_NotReadyWhileTheDatabaseIsFine()
    {
        // Arrange: a portal whose jobs never run (no Hangfire server anywhere on its database).
        var connectionString = await TestPostgres.CreateDatabaseAsync("noserver");
        await using var factory = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?>
        {
            ["Jobs:ServerEnabled"] = "false",
            ["Jobs:CanaryMaxAge"] = "00:00:02",
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        await Jobs.UntilAsync(
            async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.ServiceUnavailable,
            "readiness to notice that the canary does not run",
            seconds: 60);
        var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"), TestContext.Current.CancellationToken);

        // Assert
        report.Entries["database"].Status.ShouldBe(HealthStatus.Healthy);
        report.Entries["jobs"].Status.ShouldBe(HealthStatus.Unhealthy);
        report.Entries["jobs"].Description.ShouldNotBeNull().ShouldContain("canary");
        NpgsqlConnection.ClearAllPools();
    }

    [Fact]
    public async Task Ready_CanaryRunsOnThisInstancesServer_Ready()
    {
        // Arrange
        var connectionString = await TestPostgres.CreateDatabaseAsync("canary");
        await using var factory = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?>
        {
            ["Jobs:CanaryCron"] = "* * * * * *",
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
            ["Jobs:CanaryMaxAge"] = "00:00:30",
        });
        _ = factory.Server;
        var startedAt = DateTimeOffset.UtcNow;

        // Act
        await Jobs.UntilAsync(async () => await Jobs.CanaryLastRunAsync(connectionString) > startedAt, "the canary to run");
        var report = await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"), TestContext.Current.CancellationToken);

        // Assert
        report.Entries["jobs"].Status.ShouldBe(HealthStatus.Healthy);
        report.Status.ShouldBe(HealthStatus.Healthy);
        NpgsqlConnection.ClearAllPools();
    }
}
