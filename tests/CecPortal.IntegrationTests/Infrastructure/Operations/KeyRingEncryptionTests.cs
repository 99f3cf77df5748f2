using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// The Data Protection key ring (it signs cookies and every emailed link) is stored in the database encrypted with the
/// configured certificate: a copy of the database without the certificate cannot read a session cookie.
/// </summary>
public sealed class KeyRingEncryptionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeyRing_WithCertificate_StoredEncryptedAndSessionsSurviveRestartOnlyWithTheCertificate()
    {
        // Arrange: a demo database whose key ring is empty, so the portal writes its first key now.
        var certificate = KeyRingCertificate.Create();
        var connectionString = await EmptyKeyRingDatabaseAsync();
        string[] sessionCookies;
        await using (var first = new PortalFactory(connectionString, smtpPort: null, certificate.Settings))
        {
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            using var signIn = await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            sessionCookies = [.. signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("cec.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0])];
        }

        NpgsqlConnection.ClearAllPools();

        // Act
        var keys = await KeyRingXmlAsync(connectionString);
        var withCertificate = await ProfileStatusAsync(connectionString, certificate.Settings, sessionCookies);
        var withoutCertificate = await ProfileStatusAsync(connectionString, new Dictionary<string, string?>(), sessionCookies);

        // Assert
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("<encryptedSecret", StringComparison.Ordinal) && !xml.Contains("<masterKey", StringComparison.Ordinal));
        withCertificate.ShouldBe(HttpStatusCode.OK, "a restarted portal with the certificate reads the cookie");
        withoutCertificate.ShouldBe(HttpStatusCode.Redirect, "without the certificate the stored keys are useless");
    }

    [Fact]
    public async Task KeyRing_AfterRotation_PreviousCertificateStillDecryptsOlderKeys()
    {
        // Arrange: keys written under the old certificate, then the new one configured with the old one as previous.
        var old = KeyRingCertificate.Create("CN=old key ring");
        var current = KeyRingCertificate.Create("CN=new key ring");
        var connectionString = await EmptyKeyRingDatabaseAsync();
        string[] sessionCookies;
        await using (var before = new PortalFactory(connectionString, smtpPort: null, old.Settings))
        {
            using var client = before.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            using var signIn = await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);
            sessionCookies = [.. signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("cec.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0])];
        }

        NpgsqlConnection.ClearAllPools();
        var rotated = new Dictionary<string, string?>(current.Settings)
        {
            ["DataProtection:PreviousCertificates:0:Path"] = old.Path,
            ["DataProtection:PreviousCertificates:0:Password"] = old.Password,
        };

        // Act
        var withPrevious = await ProfileStatusAsync(connectionString, rotated, sessionCookies);
        var withoutPrevious = await ProfileStatusAsync(connectionString, current.Settings, sessionCookies);

        // Assert
        withPrevious.ShouldBe(HttpStatusCode.OK);
        withoutPrevious.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>A clone of the seeded template without its (unencrypted) key ring.</summary>
    private static async Task<string> EmptyKeyRingDatabaseAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("keyring");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var delete = new NpgsqlCommand("""DELETE FROM "DataProtectionKeys" """, connection);
        await delete.ExecuteNonQueryAsync(Token);
        return connectionString;
    }

    private static async Task<List<string>> KeyRingXmlAsync(string connectionString)
    {
        await using var db = new AppDbContext(DesignTimeDbContextFactory.StandaloneOptions(connectionString));
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Token);
    }

    /// <summary>What a portal started on the database answers to the signed-in member's cookie on their profile page.</summary>
    private static async Task<HttpStatusCode> ProfileStatusAsync(string connectionString, IReadOnlyDictionary<string, string?> settings, string[] cookies)
    {
        var withoutSeeding = new Dictionary<string, string?>(settings) { ["Demo:SeedOnStartup"] = "false", ["Jobs:ServerEnabled"] = "false" };
        await using var portal = new PortalFactory(connectionString, smtpPort: null, withoutSeeding);
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/profile", UriKind.Relative));
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        using var response = await client.SendAsync(request, Token);
        NpgsqlConnection.ClearAllPools();
        return response.StatusCode;
    }
}
