using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Membership;

/// <summary>A lapsed member is sent to the confirmation page, and one click on the banner's button brings everything back.</summary>
public sealed class AttestationBannerTests(BrowserPortal portal)
{
    private const string Email = "banner.click@attest-demo.eu";
    private const string Organisation = "Banca Bandiera";

    [Fact]
    public async Task Confirm_LapsedMemberClicksTheBanner_RestoredAtOnce()
    {
        // Arrange: a member whose membership lapsed yesterday, after the request and the reminder
        var id = await TestUsers.CreateAsync(portal.Services, new TestUser(Email, "Bianca Bandiera", Roles.Member)
        {
            Password = PortalFactory.DemoPassword,
            JobTitle = "CISO",
            Organisation = Organisation,
            CountryCode = "IT",
            SectorCode = "banking",
        });
        var now = DateTimeOffset.UtcNow;
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.AttestationDueAt, now.AddDays(-62))
            .SetProperty(u => u.AttestationRequestedAt, now.AddDays(-62))
            .SetProperty(u => u.AttestationRemindedAt, now.AddDays(-31))
            .SetProperty(u => u.LapsedAt, now.AddDays(-1))));

        await portal.RunAsync(
            async page =>
            {
                var banner = new AttestationBanner(page);

                // Act: a community page while lapsed
                await page.GotoAsync("/briefings");

                // Assert: sent to the confirmation page, which says why
                await Expect(page).ToHaveURLAsync(new Regex("/membership/attest$"));
                await Expect(page.GetByTestId("attest-lapsed")).ToContainTextAsync("Your membership lapsed");

                // Act: the home page's banner, one click
                await page.GotoAsync("/");
                await Expect(banner.Banner).ToContainTextAsync("Your membership has lapsed");
                await Screenshots.SaveAsync(page, "attestation-banner");
                await banner.ConfirmButton(Organisation).ClickAsync();

                // Assert: restored at once, the banner gone, the briefings open
                await Expect(banner.StatusMessage).ToContainTextAsync("your membership is restored");
                await Expect(banner.Banner).ToHaveCountAsync(0);
                await page.GotoAsync("/briefings");
                await Expect(page).ToHaveURLAsync(new Regex("/briefings$"));
            },
            signedInAs: Email);
    }
}
