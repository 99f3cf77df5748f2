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
/// <c>AspNetUserTokens</c> holds does not let anyone pass the second sign-in step, and neither do rows written there
/// in the clear.
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
    public async Task RowsInTheClear_KeyAndCodesWrittenAroundTheStore_DoNotPassTheSecondStep()
    {
        // Arrange: someone who can write to the database puts a key and codes of their own choosing there, unprotected.
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

        // Act
        portal.NextStep();
        using var withCode = await portal.SignInWithCodeAsync(portal.CreateClient(), email, TotpCodes.At(key, portal.Clock.GetUtcNow()));
        using var withRecoveryCode = await SignInWithRecoveryCodeAsync(email, codes[1]);

        // Assert
        withCode.StatusCode.ShouldBe(HttpStatusCode.OK, "the code step is shown again: a key in the clear is no key");
        withRecoveryCode.StatusCode.ShouldBe(HttpStatusCode.OK, "codes in the clear match nothing");
        (await withRecoveryCode.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.RecoveryCode']")!.TextContent.ShouldContain("not correct");
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
