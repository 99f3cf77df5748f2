using System.Diagnostics;
using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Demo;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// The backup procedure of docs/operations.md on the demo database: pg_dump -Fc, drop, pg_restore, then the portal runs on the
/// restored database with the same rows (application tables, the hangfire schema and the data protection keys).
/// </summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DumpDropRestore_DemoDatabase_PortalRunsOnTheRestoredDatabaseWithTheSameRowsAndSessions()
    {
        // Arrange: the portal migrates and seeds the full demo on an empty database; a member signs in.
        var cluster = await TestPostgres.ClusterAsync();
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync("backup");
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var demo = new Dictionary<string, string?>
        {
            ["Demo:SeedApplications"] = "true",
            ["Demo:SeedBriefings"] = "true",
            ["Demo:SeedWebinars"] = "true",
        };
        string[] sessionCookies;
        await using (var original = new PortalFactory(connectionString, smtpPort: null, demo))
        {
            using var client = original.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            using var signIn = await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            sessionCookies = [.. signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("cec.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0])];
        }

        NpgsqlConnection.ClearAllPools();
        var before = await RowCountsAsync(connectionString);
        var dump = Path.Combine(Path.GetTempPath(), $"cecportal-backup-{Guid.NewGuid():N}.dump");

        try
        {
            // Act: dump, drop, create empty, restore.
            await PgAsync(cluster.BinDirectory, "pg_dump", connectionString, "--format=custom", $"--file={dump}");
            await AdminAsync(cluster.ConnectionStringFor("postgres"), $"DROP DATABASE \"{database}\" WITH (FORCE)");
            await AdminAsync(cluster.ConnectionStringFor("postgres"), $"CREATE DATABASE \"{database}\"");
            await PgAsync(cluster.BinDirectory, "pg_restore", connectionString, "--no-owner", "--exit-on-error", dump);
            var after = await RowCountsAsync(connectionString);

            // Assert: every table holds what it held, and the portal works on the restored database.
            after.ShouldBe(before);
            before["public.AspNetUsers"].ShouldBe(DemoSeeder.Staff.Count + DemoSeeder.Members.Count);
            before["public.DataProtectionKeys"].ShouldBeGreaterThan(0);
            before["hangfire.hash"].ShouldBeGreaterThan(0, "the recurring jobs' definitions are in the dump");
            before["public.briefings"].ShouldBeGreaterThan(0);

            await using var restored = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?> { ["Demo:SeedOnStartup"] = "false" });
            using var anonymous = restored.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var ready = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative), Token);
            ready.StatusCode.ShouldBe(HttpStatusCode.OK);

            // A session from before the backup still works: the key ring came back with the database.
            using var profileRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/profile", UriKind.Relative));
            profileRequest.Headers.Add("Cookie", string.Join("; ", sessionCookies));
            using var profile = await anonymous.SendAsync(profileRequest, Token);
            profile.StatusCode.ShouldBe(HttpStatusCode.OK);

            using var fresh = restored.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            using var signInAgain = await fresh.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);
            signInAgain.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            signInAgain.Headers.Location!.OriginalString.ShouldNotContain("/account/login");
        }
        finally
        {
            File.Delete(dump);
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>Rows per table of the portal's two schemas.</summary>
    private static async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        var tables = await Jobs.ListAsync(
            connectionString,
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('public', 'hangfire') AND table_type = 'BASE TABLE'",
            reader => reader.GetString(0));
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            var parts = table.Split('.', 2);
            counts[table] = await Jobs.ScalarAsync<long>(connectionString, $"SELECT count(*) FROM \"{parts[0]}\".\"{parts[1]}\"");
        }

        return counts;
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }

    /// <summary>Runs pg_dump or pg_restore from the cluster's own binaries against <paramref name="connectionString"/>'s database.</summary>
    private static async Task PgAsync(string binDirectory, string tool, string connectionString, params string[] arguments)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(binDirectory, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { $"--host={target.Host}", $"--port={target.Port}", $"--username={target.Username}", $"--dbname={target.Database}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = target.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var errors = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        process.ExitCode.ShouldBe(0, $"{tool} failed: {await errors}{await output}");
    }
}
