using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The member webinar pages: the list at <c>/webinars</c> and one session's page.</summary>
public sealed class WebinarsPage(IPage page)
{
    public const string Path = "/webinars";

    public ILocator ZoneNote => page.GetByTestId("zone-note");

    public ILocator MyRegistrations => page.GetByTestId("my-registrations");

    public ILocator StatusMessage => page.GetByRole(AriaRole.Status);

    /// <summary>On a session's page: where the member stands.</summary>
    public ILocator PlaceStatus => page.GetByTestId("place-status");

    public async Task GotoAsync() => await page.GotoAsync(Path);

    /// <summary>A session in the upcoming list, by its id.</summary>
    public ILocator Session(Guid id) => page.Locator($"[data-testid=session][data-session='{id}']");

    public ILocator LocalTime(Guid id) => Session(id).GetByTestId("local-time");

    public ILocator OrganiserTime(Guid id) => Session(id).GetByTestId("organiser-time");

    /// <summary>A session in "My registrations", by its id.</summary>
    public ILocator MyRegistration(Guid id) => MyRegistrations.Locator($"[data-testid=my-registration][data-session='{id}']");

    public async Task OpenAsync(string title) => await page.GetByTestId("upcoming").GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();

    public async Task RegisterAsync() => await page.GetByTestId("register-form").GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
}
