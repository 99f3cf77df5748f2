using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The staff webinar overview at <c>/admin/webinars</c> and a session's page with its forms.</summary>
public sealed class WebinarPlanningPage(IPage page)
{
    public const string OverviewPath = "/admin/webinars";

    public ILocator Upcoming => page.GetByTestId("upcoming-sessions");

    public ILocator MoveForm => page.GetByTestId("move-form");

    public ILocator MoveDate => MoveForm.GetByLabel("Date", new() { Exact = true });

    public ILocator MoveTime => MoveForm.GetByLabel("Start time", new() { Exact = true });

    public ILocator MoveButton => MoveForm.GetByRole(AriaRole.Button, new() { Name = "Move the session", Exact = true });

    public ILocator SessionWhen => page.GetByTestId("session-when");

    public ILocator StatusMessage => page.Locator("main [role=status]");

    public async Task GotoOverviewAsync() => await page.GotoAsync(OverviewPath);

    /// <summary>The overview row of a session, by its title.</summary>
    public ILocator UpcomingRow(string title) =>
        Upcoming.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    public async Task OpenSessionAsync(string title) =>
        await UpcomingRow(title).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
}
