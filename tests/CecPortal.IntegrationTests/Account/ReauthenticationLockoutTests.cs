using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Account.CredentialTestKit;

namespace CecPortal.IntegrationTests.Account;

/// <summary>Wrong passwords typed again on the pages that change an account count towards lockout, all in one count.</summary>
public sealed class ReauthenticationLockoutTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task ChangePassword_FiveWrongCurrentPasswords_LockTheAccountAndSignOut()
    {
        // Arrange
        var email = await AddMemberAsync(portal, "change-lock");
        using var client = await portal.SignedInClientAsync(email);
        var messages = new List<string>();

        // Act
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await client.SubmitFormAsync("/account/change-password", NewPassword("Lantern-fjord-orchid-77", WrongPassword));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            messages.Add((await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.CurrentPassword']")!.TextContent);
        }

        using var profile = await client.GetAsync(new Uri("/profile", UriKind.Relative), Token);
        using var fresh = portal.CreateClient();
        using var signIn = await fresh.SignInAsync(email, PortalFactory.DemoPassword);

        // Assert
        messages.Take(4).ShouldAllBe(m => m == "The current password is not correct.");
        messages[4].ShouldContain("locked");
        profile.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session that locked the account is signed out");
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await signIn.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("locked");
        var lockoutEnd = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync(Token));
        lockoutEnd.ShouldNotBeNull();
        lockoutEnd.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task PasswordPages_WrongPasswordsSpreadOverPasswordErasureAndTwoStep_CountTogether()
    {
        // Arrange
        var email = await AddMemberAsync(portal, "spread-lock");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        for (var i = 0; i < 2; i++)
        {
            using var change = await client.SubmitFormAsync("/account/change-password", NewPassword("Lantern-fjord-orchid-77", WrongPassword));
            using var erase = await client.SubmitFormAsync("/profile/erase", new Dictionary<string, string> { ["Input.Password"] = WrongPassword, ["Input.Confirm"] = "true" });
            (await erase.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent.ShouldBe("The password is not correct. Nothing was erased.");
        }

        using var twoStep = await client.SubmitFormAsync("/account/security/authenticator", new Dictionary<string, string> { ["Input.Code"] = "000000", ["Input.Password"] = WrongPassword });
        using var profile = await client.GetAsync(new Uri("/profile", UriKind.Relative), Token);

        // Assert
        (await twoStep.ReadDocumentAsync()).QuerySelector("main")!.TextContent.ShouldContain("locked");
        profile.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var userId = await portal.UserIdAsync(email);
        var audit = await portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == SecurityEvents.UserSubject(userId)).Select(e => e.Action).ToListAsync(Token));
        audit.Count(a => a == SecurityEvents.ReauthenticationFailed).ShouldBe(5);
        audit.ShouldContain(SecurityEvents.SignedOut);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.LockoutEnd).SingleAsync(Token))).ShouldNotBeNull();
    }
}
