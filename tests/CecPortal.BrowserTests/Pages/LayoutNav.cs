using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The navigation bar of the shared layout.</summary>
public sealed class LayoutNav(IPage page)
{
    /// <summary>The list of section links (<c>data-testid="nav"</c>).</summary>
    public ILocator Links => page.GetByTestId("nav");

    public ILocator SignedInAs => page.GetByTestId("signed-in-as");

    public ILocator SignInLink => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in" });

    public ILocator Toggler => page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });

    /// <summary>The collapsible part of the navbar that the toggler opens on narrow screens.</summary>
    public ILocator Menu => page.Locator("#main-nav");

    public ILocator Link(string name) => Links.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
