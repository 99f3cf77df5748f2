using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Home;

/// <summary>The signed-in home on the demo data, on a desktop and on a 375 px phone, for a member and for a vetter.</summary>
[Collection(DemoPortalCollection.Name)]
public sealed class TodayPageTests(DemoBrowserPortal portal)
{
    public static TheoryData<string, int> Screens => new()
    {
        { "desktop", 1280 },
        { "phone", 375 },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public Task OpenHome_DemoMember_ShowsAtLeastFourBlocksThatFitTheScreen(string screen, int width) => portal.RunAsync(
        async page =>
        {
            // Arrange: the page survey shares this portal and may have opened the edition as the member already.
            await portal.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFactory.MemberEmail)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.BriefingLastReadOn, (DateOnly?)null)));
            var today = new TodayPage(page);

            // Act
            await today.GotoAsync();

            // Assert
            await Expect(today.Heading).ToHaveTextAsync("Today");
            (await today.Blocks.CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
            await Expect(today.Block("Today's briefing").Or(today.Block("The latest briefing"))).ToBeVisibleAsync();
            await Expect(today.BriefingState).ToHaveTextAsync("Unread");
            await Expect(today.Block("In your channels").GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
            (await today.ContentOverflowAsync()).ShouldBe(0);
            await Screenshots.SaveAsync(page, $"home-member-{screen}");
        },
        signedInAs: PortalFactory.MemberEmail,
        viewport: new ViewportSize { Width = width, Height = 800 });

    [Theory]
    [MemberData(nameof(Screens))]
    public Task OpenHome_DemoCountryVetter_SeesTheQueueCountLinkingToTheQueue(string screen, int width) => portal.RunAsync(
        async page =>
        {
            // Arrange
            var today = new TodayPage(page);

            // Act
            await today.GotoAsync();
            var count = await today.VettingApplications.TextContentAsync();
            var overflow = await today.ContentOverflowAsync();
            await Screenshots.SaveAsync(page, $"home-vetter-{screen}");
            await today.Block("Vetting").GetByRole(AriaRole.Link).First.ClickAsync();

            // Assert
            int.Parse(count!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            overflow.ShouldBe(0);
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/vetting$"));
        },
        signedInAs: PortalFactory.CountryVetterEmail,
        viewport: new ViewportSize { Width = width, Height = 800 });
}
