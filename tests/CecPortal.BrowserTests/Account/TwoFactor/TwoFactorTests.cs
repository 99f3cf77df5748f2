using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Account.TwoFactor;

public sealed partial class TwoFactorTests(BrowserPortal portal)
{
    [Fact]
    public Task Member_EnrolsAuthenticatorThenSignsInWithCode() => portal.RunAsync(async page =>
    {
        // Arrange: a member of their own, so enrolment does not change the accounts other tests sign in with
        var email = $"two.step.{Guid.NewGuid():N}@demo.cec.example";
        await TestUsers.CreateAsync(portal.Services, new TestUser(email, "Ana Costa", Roles.Member) { Password = PortalFactory.DemoPassword });
        var login = new LoginPage(page);
        var twoFactor = new TwoFactorPages(page);
        await login.GotoAsync();
        await login.SignInAsync(email, PortalFactory.DemoPassword);

        // Act: enrol, reading the key from the page as a person typing it into an app would
        await twoFactor.SecurityNavLink.ClickAsync();
        await twoFactor.SetUpButton.ClickAsync();
        await Expect(twoFactor.QrCode).ToBeVisibleAsync();
        var key = await twoFactor.RawKey.InputValueAsync();
        var enrolStep = TotpCodes.TimeStep(DateTimeOffset.UtcNow);
        await Screenshots.SaveAsync(page, "two-step-enrolment");
        await twoFactor.EnrolCode.FillAsync(TotpCodes.ForStep(key, enrolStep));
        await twoFactor.CurrentPassword.FillAsync(PortalFactory.DemoPassword);
        await twoFactor.TurnOn.ClickAsync();
        await Expect(twoFactor.RecoveryCodes).ToHaveCountAsync(10);
        await twoFactor.RecoveryCodesDone.ClickAsync();
        await Expect(page.GetByTestId("two-step-status")).ToContainTextAsync("On");
        await twoFactor.SignOutButton.ClickAsync();

        // Act: sign in again; a code is used once, so the app's next code (its clock may run a step ahead)
        await login.GotoAsync();
        await login.SignInAsync(email, PortalFactory.DemoPassword);
        await Expect(page).ToHaveURLAsync(CodeStepUrl());
        var step = Math.Max(TotpCodes.TimeStep(DateTimeOffset.UtcNow), enrolStep + 1);
        await twoFactor.SignInCode.FillAsync(TotpCodes.ForStep(key, step));
        await twoFactor.SignInButton.ClickAsync();

        // Assert
        await Expect(new LayoutNav(page).SignedInAs).ToHaveTextAsync(email);
        await Expect(page).ToHaveURLAsync(portal.BaseAddress.ToString());
    });

    [GeneratedRegex("/account/login/code")]
    private static partial Regex CodeStepUrl();
}
