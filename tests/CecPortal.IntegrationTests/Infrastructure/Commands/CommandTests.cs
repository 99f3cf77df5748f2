using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CecPortal.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Commands;

/// <summary>The portal's one-shot commands, run as a real process the way docs/operations.md shows.</summary>
public sealed partial class CommandTests
{
    /// <summary>A guard against a command that hangs, not a measure of speed (see <see cref="RunPortalAsync"/>).</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task CreateAdmin_OnFreshDatabase_PrintsOneTimeLinkThatLetsTheAdminIn()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync("cmdadmin");
        const string email = "first.admin@cec.example";

        var (exitCode, output) = await RunPortalAsync(connectionString, "create-admin", "--email", email);

        exitCode.ShouldBe(0, output);
        var link = new Uri(LinkPattern().Match(output).Value);
        link.AbsolutePath.ShouldBe("/account/reset-password");
        // The link is protected with the key ring the command wrote, encrypted with the certificate: the portal needs it too.
        await using var factory = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?>(KeyRingCertificate.Shared.Settings) { ["Demo:SeedOnStartup"] = "false" });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var setPassword = await client.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "First-Admin-Passw0rd!",
            ["Input.ConfirmPassword"] = "First-Admin-Passw0rd!",
        });
        setPassword.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SignInAsync(email, "First-Admin-Passw0rd!")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The first Admin has not seen the privacy notice yet: the portal asks once, then lets them in.
        using var beforeAccepting = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative), TestContext.Current.CancellationToken);
        beforeAccepting.Headers.Location!.OriginalString.ShouldStartWith("/privacy/accept");
        (await client.SubmitFormAsync("/privacy/accept?returnUrl=%2Fadmin%2Fjobs&handler=Accept", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var jobs = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative), TestContext.Current.CancellationToken);
        jobs.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateAdmin_WithoutValidEmail_ExplainsUsageAndFails()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync("cmdusage");

        var (exitCode, output) = await RunPortalAsync(connectionString, "create-admin", "--email", "not-an-address");

        exitCode.ShouldBe(2);
        output.ShouldContain("Usage: create-admin --email <address>");
    }

    [Fact]
    public async Task SeedDemo_OnEmptyDatabase_MigratesAndCreatesStaffAndMembers()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync("cmdseed");

        var (exitCode, output) = await RunPortalAsync(connectionString, "seed-demo");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Demo data seeded.");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var countries = new NpgsqlCommand("""SELECT count(DISTINCT "CountryCode") FROM "AspNetUsers" u JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE r."Name" = 'Member'""", connection);
        ((long)(await countries.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBeGreaterThanOrEqualTo(10);
    }

    private static async Task<(int ExitCode, string Output)> RunPortalAsync(string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(PortalAssemblyPath())!,
        };
        start.ArgumentList.Add(PortalAssemblyPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Portal"] = connectionString;
        start.Environment["Email__Host"] = "127.0.0.1";

        // A loopback address may be plain http outside Development; the link printed is on it.
        start.Environment["Portal__BaseUrl"] = "http://localhost:5080";
        start.Environment["Demo__Password"] = PortalFactory.DemoPassword;
        foreach (var (name, value) in KeyRingCertificate.Shared.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // On a 2-core machine running the browser tests beside this one, a cold start that migrates an empty database
        // and seeds the whole demo has taken over 2 min.
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not end within {CommandTimeout}; its output so far:{Environment.NewLine}{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The web project's own build output, built with the solution.</summary>
    private static string PortalAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name;
        var framework = testOutput.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CecPortal.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "src", "CecPortal.Web", "bin", configuration, framework, "CecPortal.Web.dll");
        File.Exists(path).ShouldBeTrue($"{path} is built with the solution");
        return path;
    }

    [GeneratedRegex(@"http://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
