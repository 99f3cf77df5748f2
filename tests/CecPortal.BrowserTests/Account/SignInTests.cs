using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Account;

public sealed partial class SignInTests(BrowserPortal portal)
{
    [Fact]
    public Task SignIn_SeededMemberThroughLoginForm_LandsHomeWithMemberNavigationAndProfileName() => portal.RunAsync(async page =>
    {
        // Arrange
        var login = new LoginPage(page);
        var nav = new LayoutNav(page);
        await login.GotoAsync();

        // Act
        await login.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);

        // Assert
        await Expect(page).ToHaveURLAsync(portal.BaseAddress.ToString());
        await Expect(page.GetByTestId("welcome-back")).ToBeVisibleAsync();
        await Expect(nav.Links.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Home", "Briefings", "Sharing", "Webinars", "Consultations", "Members", "Profile"]);
        await Expect(nav.Link("Admin")).ToHaveCountAsync(0);
        await Expect(nav.SignedInAs).ToHaveTextAsync(PortalFactory.MemberEmail);
        await Screenshots.SaveAsync(page, "member-home");

        await nav.Link("Profile").ClickAsync();

        await Expect(page).ToHaveURLAsync(ProfileUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your profile");
        await Expect(page.GetByTestId("profile-name")).ToHaveTextAsync("Marie Dubois");
    });

    [Fact]
    public Task SignIn_WrongPassword_ShowsErrorAndKeepsTypedEmail() => portal.RunAsync(async page =>
    {
        // Arrange: another seeded member, so the failed attempt does not count against the account other tests use.
        const string email = "l.rossi@demo.cec.example";
        var login = new LoginPage(page);
        await login.GotoAsync();

        // Act
        await login.SignInAsync(email, "Not-the-passw0rd!");

        // Assert
        await Expect(login.Error).ToHaveTextAsync("The email address or password is not correct.");
        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(login.Email).ToHaveValueAsync(email);
        await Expect(login.Password).ToHaveValueAsync(string.Empty);
        await Expect(new LayoutNav(page).SignedInAs).ToHaveCountAsync(0);
    });

    [GeneratedRegex("/profile$")]
    private static partial Regex ProfileUrl();

    [GeneratedRegex("/account/login$")]
    private static partial Regex LoginUrl();
}
