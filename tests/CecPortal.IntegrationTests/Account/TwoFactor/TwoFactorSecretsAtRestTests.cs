using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Account.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Account.TwoFactor;

/// <summary>
/// The authenticator key is stored encrypted and recovery codes as hashes, bound to their account: what
/// <c>AspNetUserTokens</c> holds does not let anyone pass the second sign-in step, and rows an earlier version
/// wrote in the clear are converted at start-up.
/// </summary>
public sealed class TwoFactorSecretsAtRestTests(TwoFactorPortalFixture portal) : IClassFixture<TwoFactorPortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enrol_TokenRows_HoldNeitherTheKeyNorAnyRecoveryCodeYetBothStillSignIn()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        Enrolled enrolled;
        using (var client = await portal.PasswordSignedInAsync(email))
        {
            enrolled = await portal.EnrolAsync(client);
        }

        // Act
        var rows = await TokenRowsAsync(email);
        portal.NextStep();
        using var withCode = await portal.SignInWithCodeAsync(portal.CreateClient(), email, TotpCodes.At(enrolled.Key, portal.Clock.GetUtcNow()));
        using var withRecoveryCode = await SignInWithRecoveryCodeAsync(email, enrolled.RecoveryCodes[5].ToLowerInvariant());

        // Assert
        rows[PortalUserStore.AuthenticatorKeyTokenName].ShouldStartWith(AuthenticatorKeyProtection.Prefix);
        rows[PortalUserStore.RecoveryCodeTokenName].ShouldStartWith(RecoveryCodeHashes.Prefix);
        foreach (var value in rows.Values)
        {
            value.ShouldNotContain(enrolled.Key, Case.Insensitive);
            foreach (var code in enrolled.RecoveryCodes)
            {
                value.ShouldNotContain(code, Case.Insensitive);
                value.ShouldNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal), Case.Insensitive);
            }
        }

        withCode.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        withCode.Headers.Location!.OriginalString.ShouldBe("/");
        withRecoveryCode.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        withRecoveryCode.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task CopiedTokenRows_AnotherAccountsKnownKeyAndCodes_DoNotPassTheSecondStep()
    {
        // Arrange: someone with their own account knows its key and codes, and puts its rows on the victim's account.
        var attacker = await portal.NewAccountAsync();
        var victim = await portal.NewAccountAsync();
        Enrolled known;
        using (var client = await portal.PasswordSignedInAsync(attacker))
        {
            known = await portal.EnrolAsync(client);
        }

        using (var client = await portal.PasswordSignedInAsync(victim))
        {
            await portal.EnrolAsync(client);
        }

        var attackerRows = await TokenRowsAsync(attacker);
        var victimId = await portal.UserIdAsync(victim);
        foreach (var (name, value) in attackerRows)
        {
            await ExecuteAsync("""UPDATE "AspNetUserTokens" SET "Value" = @value WHERE "UserId" = @user AND "Name" = @name""", ("value", value), ("user", victimId), ("name", name));
        }

        // Act
        portal.NextStep();
        using var withCode = await portal.SignInWithCodeAsync(portal.CreateClient(), victim, TotpCodes.At(known.Key, portal.Clock.GetUtcNow()));
        using var withRecoveryCode = await SignInWithRecoveryCodeAsync(victim, known.RecoveryCodes[0]);

        // Assert
        withCode.StatusCode.ShouldBe(HttpStatusCode.OK, "the code step is shown again: the copied key does not decrypt for another account");
        withRecoveryCode.StatusCode.ShouldBe(HttpStatusCode.OK, "the copied hashes do not match for another account");
        (await withRecoveryCode.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.RecoveryCode']")!.TextContent.ShouldContain("not correct");
    }

    [Fact]
    public async Task LegacyPlaintextRows_ReadUntilConvertedAtStartup_ThenProtectedAndStillWorking()
    {
        // Arrange: rows as the previous version stored them, in the clear.
        var email = await portal.NewAccountAsync();
        var userId = await portal.UserIdAsync(email);
        string key;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            key = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().GenerateNewAuthenticatorKey();
        }

        string[] codes = ["BCDFG-HJKMN", "PQRTV-WXY23", "45678-9BCDF"];
        await ExecuteAsync(
            """INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES (@user, '[AspNetUserStore]', 'AuthenticatorKey', @key), (@user, '[AspNetUserStore]', 'RecoveryCodes', @codes)""",
            ("user", userId), ("key", key), ("codes", string.Join(';', codes)));
        await ExecuteAsync("""UPDATE "AspNetUsers" SET "TwoFactorEnabled" = true WHERE "Id" = @user""", ("user", userId));

        // Act: a code against the legacy row, a restart (which converts), then a code and a recovery code again.
        portal.NextStep();
        using var beforeConversion = await portal.SignInWithCodeAsync(portal.CreateClient(), email, TotpCodes.At(key, portal.Clock.GetUtcNow()));
        await using (var restarted = portal.Factory.WithWebHostBuilder(builder => builder.UseSetting("Jobs:ServerEnabled", "false")))
        {
            _ = restarted.Server;
        }

        var rows = await TokenRowsAsync(email);
        portal.NextStep();
        using var afterConversion = await portal.SignInWithCodeAsync(portal.CreateClient(), email, TotpCodes.At(key, portal.Clock.GetUtcNow()));
        using var recovery = await SignInWithRecoveryCodeAsync(email, codes[1]);
        var codesLeft = RecoveryCodeHashes.Count((await TokenRowsAsync(email))[PortalUserStore.RecoveryCodeTokenName]);
        var convertedAgain = 0;
        await portal.WithServiceAsync<TwoFactorSecretsConversion>(async conversion => convertedAgain = await conversion.ConvertAsync(Token));

        // Assert
        beforeConversion.Headers.Location?.OriginalString.ShouldBe("/", "a legacy row is still read until it is converted");
        rows[PortalUserStore.AuthenticatorKeyTokenName].ShouldStartWith(AuthenticatorKeyProtection.Prefix);
        rows[PortalUserStore.AuthenticatorKeyTokenName].ShouldNotContain(key);
        rows[PortalUserStore.RecoveryCodeTokenName].ShouldStartWith(RecoveryCodeHashes.Prefix);
        codes.ShouldAllBe(code => !rows[PortalUserStore.RecoveryCodeTokenName].Contains(code));
        afterConversion.Headers.Location?.OriginalString.ShouldBe("/");
        recovery.Headers.Location?.OriginalString.ShouldBe("/");
        convertedAgain.ShouldBe(0, "the conversion is idempotent");
        codesLeft.ShouldBe(2);
    }

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(string email, string code)
    {
        using var client = portal.CreateClient();
        (await client.SignInAsync(email, TwoFactorPortalFixture.Password)).Dispose();
        return await client.SubmitFormAsync("/account/login/recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });
    }

    private async Task<Dictionary<string, string>> TokenRowsAsync(string email)
    {
        var userId = await portal.UserIdAsync(email);
        return await portal.WithDbAsync(db => db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == PortalUserStore.InternalLoginProvider)
            .ToDictionaryAsync(t => t.Name, t => t.Value ?? string.Empty, Token));
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(Token);
    }
}
