using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The sign-in form at <c>/account/login</c>, filled in the way a person would.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/account/login";

    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator SubmitButton => page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });

    /// <summary>The validation summary that shows errors not tied to one field.</summary>
    public ILocator Error => page.Locator("main form:not([data-passkey-sign-in]) [role=alert]");

    public async Task GotoAsync() => await page.GotoAsync(Path);

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
    }
}
