using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The security page, authenticator enrolment and the code step of sign-in.</summary>
public sealed class TwoFactorPages(IPage page)
{
    public ILocator SecurityNavLink => page.GetByTestId("nav-security");

    public ILocator SetUpButton => page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" });

    public ILocator QrCode => page.GetByTestId("authenticator-qr");

    /// <summary>The key as an app would take it, read from the page like a person copying it.</summary>
    public ILocator RawKey => page.GetByTestId("authenticator-key-raw");

    public ILocator EnrolCode => page.GetByLabel("Code from the app");

    public ILocator CurrentPassword => page.GetByLabel("Current password");

    public ILocator TurnOn => page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" });

    public ILocator RecoveryCodes => page.GetByTestId("recovery-codes").Locator("li");

    public ILocator RecoveryCodesDone => page.GetByTestId("recovery-codes-done");

    public ILocator SignInCode => page.GetByLabel("Code from your authenticator app");

    public ILocator SignInButton => page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" });

    public ILocator SignOutButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
}
