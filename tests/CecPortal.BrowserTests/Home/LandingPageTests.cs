using CecPortal.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Home;

public sealed class LandingPageTests(BrowserPortal portal)
{
    [Fact]
    public Task OpenLandingPage_Anonymous_ShowsCommunityHeadingApplyAndSignInButNoBriefings() => portal.RunAsync(async page =>
    {
        // Arrange
        var nav = new LayoutNav(page);

        // Act
        await page.GotoAsync("/");

        // Assert
        await Expect(page).ToHaveTitleAsync("Welcome · CEC Portal");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The CISOs European Community");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Apply for membership" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Member sign in" })).ToBeVisibleAsync();
        await Expect(nav.Link("Apply")).ToBeVisibleAsync();
        await Expect(nav.SignInLink).ToBeVisibleAsync();
        await Expect(nav.Link("Briefings")).ToHaveCountAsync(0);
        await Expect(nav.SignedInAs).ToHaveCountAsync(0);
    });
}
