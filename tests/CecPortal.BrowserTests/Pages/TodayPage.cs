using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The signed-in home ("/"): what needs the member, and the staff member, today.</summary>
public sealed class TodayPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The blocks, in page order; each is a region named by its heading.</summary>
    public ILocator Blocks => page.Locator("main section[data-testid]");

    public ILocator Block(string heading) => page.GetByRole(AriaRole.Region, new() { Name = heading, Exact = true });

    public ILocator BriefingState => page.GetByTestId("today-briefing-state");

    public ILocator VettingApplications => page.GetByTestId("today-vetting-applications");

    public async Task GotoAsync() => await page.GotoAsync("/");

    /// <summary>
    /// How far the page's own content (<c>main</c>) is wider than its box, 0 when nothing in it scrolls sideways. The
    /// layout's navigation bar is measured by the layout's own tests.
    /// </summary>
    public Task<int> ContentOverflowAsync() =>
        page.EvaluateAsync<int>("() => { const main = document.querySelector('main'); return Math.max(0, main.scrollWidth - main.clientWidth, main.getBoundingClientRect().right - document.documentElement.clientWidth); }");
}
