using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Admin;

/// <summary>The admin signs in once (through the login form, in the fixture); both tests reuse that session.</summary>
public sealed partial class AdminTests(BrowserPortal portal)
{
    [Fact]
    public Task OpenAdmin_SignedInAdmin_ShowsAdminLinkAndAdminPage() => portal.RunAsync(
        async page =>
        {
            // Arrange
            var nav = new LayoutNav(page);
            await page.GotoAsync("/");

            // Act
            await nav.Link("Admin").ClickAsync();

            // Assert
            await Expect(page).ToHaveURLAsync(AdminUrl());
            await Expect(nav.SignedInAs).ToHaveTextAsync(PortalFactory.AdminEmail);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Admin");
            await Expect(page.GetByTestId("admin-figures")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Background jobs (Hangfire dashboard)" })).ToBeVisibleAsync();
        },
        signedInAs: PortalFactory.AdminEmail);

    [Fact]
    public Task OpenJobsDashboard_SignedInAdmin_LoadsHangfireDashboard() => portal.RunAsync(
        async page =>
        {
            // Arrange
            await page.GotoAsync("/admin");

            // Act
            await page.GetByRole(AriaRole.Link, new() { Name = "Background jobs (Hangfire dashboard)" }).ClickAsync();

            // Assert
            await Expect(page).ToHaveURLAsync(JobsUrl());
            await Expect(page).ToHaveTitleAsync(CecPortalJobs());
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "CEC Portal jobs" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Recurring Jobs" })).ToBeVisibleAsync();
        },
        signedInAs: PortalFactory.AdminEmail);

    [Fact]
    public Task OpenAdmin_SignedInAdmin_ShowsTheDashboardChartsWithTheirNumbers() => portal.RunAsync(
        async page =>
        {
            // Arrange
            var byCountry = page.GetByRole(AriaRole.Img, new() { Name = "Active members by country, most first" });

            // Act
            await page.GotoAsync("/admin");

            // Assert: the charts are drawn (inline SVG with an accessible name) and their numbers open below them.
            await Expect(byCountry).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Active members by NIS2 sector" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Membership applications by stage" })).ToBeVisibleAsync();
            var box = await byCountry.BoundingBoxAsync();
            box.ShouldNotBeNull();
            box.Width.ShouldBeGreaterThan(300);
            await Expect(byCountry.Locator("text", new() { HasText = "France" })).ToBeVisibleAsync();
            var numbers = page.GetByTestId("members-by-country");
            await Expect(numbers).ToBeHiddenAsync();
            await page.GetByTestId("dashboard-members").GetByText("The numbers").First.ClickAsync();
            await Expect(numbers.GetByRole(AriaRole.Rowheader, new() { Name = "France" })).ToBeVisibleAsync();
        },
        signedInAs: PortalFactory.AdminEmail);

    [GeneratedRegex("/admin$")]
    private static partial Regex AdminUrl();

    [GeneratedRegex("/admin/jobs/?$")]
    private static partial Regex JobsUrl();

    [GeneratedRegex("CEC Portal jobs")]
    private static partial Regex CecPortalJobs();
}
