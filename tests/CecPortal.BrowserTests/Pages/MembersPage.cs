using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The member directory at <c>/members</c>.</summary>
public sealed class MembersPage(IPage page)
{
    public const string Path = "/members";

    public ILocator Directory => page.GetByTestId("directory");

    public ILocator Row(string fullName) => Directory.Locator("tbody tr").Filter(new() { Has = page.GetByTestId("name").GetByText(fullName, new() { Exact = true }) });

    public async Task GotoAsync(string query = "") => await page.GotoAsync(Path + query);
}
