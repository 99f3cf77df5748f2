using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Layout;

public sealed class ResponsiveNavTests(BrowserPortal portal)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 740 };

    [Fact]
    public Task ToggleNavbar_NarrowViewport_OpensTheMenu() => portal.RunAsync(
        async page =>
        {
            // Arrange
            var nav = new LayoutNav(page);
            await page.GotoAsync("/");
            await Expect(nav.Toggler).ToBeVisibleAsync();
            await Expect(nav.Toggler).ToHaveAttributeAsync("aria-expanded", "false");
            await Expect(nav.Link("Briefings")).ToBeHiddenAsync();

            // Act
            await nav.Toggler.ClickAsync();

            // Assert
            await Expect(nav.Toggler).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(nav.Menu).ToBeVisibleAsync();
            await Expect(nav.Link("Briefings")).ToBeVisibleAsync();
            await Expect(nav.Link("Profile")).ToBeInViewportAsync();
            await Expect(nav.SignedInAs).ToBeVisibleAsync();
        },
        signedInAs: PortalFactory.MemberEmail,
        viewport: Phone);
}
