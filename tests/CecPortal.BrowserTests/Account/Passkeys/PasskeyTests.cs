using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Account.Passkeys;

/// <summary>
/// The whole passkey ceremony in Chromium with its virtual authenticator: Identity makes the options, the browser
/// creates and later uses the passkey, Identity verifies both. The portal is reached by name (localhost), as
/// WebAuthn requires a domain.
/// </summary>
public sealed class PasskeyTests(BrowserPortal portal)
{
    [Fact]
    public Task Member_AddsPasskeyThenSignsInWithItAlone() => portal.RunAsync(async page =>
    {
        // Arrange: a member of their own, on the portal's configured address, with a fingerprint-reader-like authenticator
        var email = $"passkey.{Guid.NewGuid():N}@demo.cec.example";
        await TestUsers.CreateAsync(portal.Services, new TestUser(email, "Ana Costa", Roles.Member) { Password = PortalFactory.DemoPassword });
        await PasskeyPages.AddVirtualAuthenticatorAsync(page);
        var passkeys = new PasskeyPages(page);
        var login = new LoginPage(page);
        await page.GotoAsync(new Uri(portal.LocalhostAddress, LoginPage.Path).ToString());
        await login.SignInAsync(email, PortalFactory.DemoPassword);
        await Expect(new LayoutNav(page).SignedInAs).ToHaveTextAsync(email);

        // Act: a wrong password first (refused without a prompt), then the right one
        await new TwoFactorPages(page).SecurityNavLink.ClickAsync();
        await passkeys.ManageLink.ClickAsync();
        await passkeys.Name.FillAsync("Work laptop");
        await passkeys.CurrentPassword.FillAsync("not the password at all");
        await passkeys.AddButton.ClickAsync();
        await Expect(passkeys.PasswordMessage).ToHaveTextAsync("The password is not correct.");
        await Expect(passkeys.Name).ToHaveValueAsync("Work laptop");
        await passkeys.CurrentPassword.FillAsync(PortalFactory.DemoPassword);
        await passkeys.AddButton.ClickAsync();
        await Expect(passkeys.PasskeyNames).ToHaveTextAsync(["Work laptop"]);
        await Screenshots.SaveAsync(page, "passkeys");
        await new TwoFactorPages(page).SignOutButton.ClickAsync();

        // Act: sign in with the passkey alone, no email typed
        await page.GotoAsync(new Uri(portal.LocalhostAddress, LoginPage.Path).ToString());
        await passkeys.SignInWithPasskey.ClickAsync();

        // Assert
        await Expect(new LayoutNav(page).SignedInAs).ToHaveTextAsync(email);
        var actions = await portal.WithDbAsync(db => db.AuditEntries
            .Where(e => db.Users.Any(u => u.Email == email && e.Subject == "user:" + u.Id))
            .Select(e => new { e.Action, e.Note }).ToListAsync());
        actions.ShouldContain(e => e.Action == SecurityEvents.PasskeyAdded);
        actions.ShouldContain(e => e.Action == SecurityEvents.SignInSucceeded && e.Note == "Passkey.");
        var stored = await portal.WithDbAsync(db => db.UserPasskeys.Where(p => db.Users.Any(u => u.Email == email && u.Id == p.UserId)).ToListAsync());
        stored.Count.ShouldBe(1);
        stored[0].Data.IsUserVerified.ShouldBeTrue();
    });

    [Fact]
    public Task SignIn_PasskeyUnknownToThePortal_ClearMessageStaysSignedOut() => portal.RunAsync(async page =>
    {
        // Arrange: the authenticator holds a passkey for this site that the portal never registered
        var authenticator = await PasskeyPages.AddVirtualAuthenticatorAsync(page);
        await authenticator.AddForeignPasskeyAsync(portal.LocalhostAddress.Host);
        var passkeys = new PasskeyPages(page);
        await page.GotoAsync(new Uri(portal.LocalhostAddress, LoginPage.Path).ToString());

        // Act: the browser signs the portal's challenge with it; the portal knows no such passkey
        await passkeys.SignInWithPasskey.ClickAsync();

        // Assert
        await Expect(passkeys.SignInError).ToContainTextAsync("not registered");
        await Expect(passkeys.SignInWithPasskey).ToBeEnabledAsync();
        await Expect(new LayoutNav(page).SignedInAs).ToHaveCountAsync(0);
    });
}
