using System.Net;
using CecPortal.IntegrationTests.Infrastructure.Email;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure;

/// <summary>Start-up as a newcomer meets it: no connection string, an embedded cluster in an empty folder.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_WithoutConnectionStringInEmptyFolder_RunsEmbeddedClusterAndKeepsDataAcrossRestart()
    {
        var dataRoot = Path.Combine(Path.GetTempPath(), $"cecportal-startup-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?> { ["Portal:DataDirectory"] = dataRoot };
        try
        {
            string renamed;
            await using (var first = new PortalFactory(connectionString: null, smtpPort: null, settings))
            {
                using var client = first.CreateClient();
                (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
                renamed = await WithDbAsync(first, async db =>
                {
                    var member = await db.Users.SingleAsync(u => u.Email == PortalFactory.MemberEmail);
                    member.ChangeProfile(member.Details with { FullName = "Marie Dubois-Restarted" });
                    await db.SaveChangesAsync();
                    return member.FullName;
                });
            }

            // The portal's own shutdown finishes on its host thread, shortly after the factory is disposed.
            var pidFile = Path.Combine(dataRoot, "postgres", "postmaster.pid");
            (await EmailDeliveryTests.WaitForAsync(() => Task.FromResult(File.Exists(pidFile)), exists => !exists)).ShouldBeFalse("the cluster stops with the portal");

            await using var second = new PortalFactory(connectionString: null, smtpPort: null, settings);
            using var again = second.CreateClient();
            (await again.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var name = await WithDbAsync(second, db => db.Users.Where(u => u.Email == PortalFactory.MemberEmail).Select(u => u.FullName).SingleAsync());
            name.ShouldBe(renamed);
            (await WithDbAsync(second, db => db.Users.CountAsync())).ShouldBe(DemoSeeder.Staff.Count + DemoSeeder.Members.Count, "demo data is seeded once, not again on restart");
        }
        finally
        {
            TryDelete(dataRoot);
        }
    }

    [Fact]
    public async Task AddPortalDatabase_OutsideDevelopmentWithoutConnectionString_FailsWithOneClearSentence()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:Portal"] = string.Empty;

        var error = await Should.ThrowAsync<PortalConfigurationException>(builder.AddPortalDatabaseAsync);

        error.Message.ShouldContain("ConnectionStrings__Portal");
        error.Message.Count(c => c == '.').ShouldBe(1);
    }

    [Fact]
    public async Task Start_WithPendingMigrationsAndMigrationOff_IsLiveButNotReady()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync("nomigrate");
        await using var factory = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Demo:SeedOnStartup"] = "false",
            ["Jobs:ServerEnabled"] = "false",
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    private static async Task<T> WithDbAsync<T>(PortalFactory factory, Func<AppDbContext, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
