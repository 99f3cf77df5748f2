using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>The briefings at <c>/briefings</c>: the archive, one edition, and the search form and its results.</summary>
public sealed class BriefingsPage(IPage page)
{
    public const string Path = "/briefings";

    public ILocator Archive => page.GetByTestId("archive");

    /// <summary>The briefing shown in full (an edition page, or today's on the briefings page).</summary>
    public ILocator Article => page.Locator("main [data-testid=briefing]");

    public ILocator TlpBanner => Article.GetByTestId("tlp-banner");

    public ILocator Title => Article.GetByTestId("briefing-title");

    public ILocator Body => Article.GetByTestId("briefing-body");

    public ILocator SearchBox => page.GetByLabel("Search the briefings");

    public ILocator Results => page.GetByTestId("results");

    public async Task GotoAsync() => await page.GotoAsync(Path);

    /// <summary>The archive link to an edition, by its title.</summary>
    public ILocator ArchiveLink(string title) => Archive.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    public async Task OpenFromArchiveAsync(string title) => await ArchiveLink(title).ClickAsync();

    public async Task SearchAsync(string text)
    {
        await SearchBox.FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
    }

    /// <summary>A search result, by the title of its briefing.</summary>
    public ILocator Result(string title) => Results.GetByTestId("result").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }) });

    public ILocator Highlights(ILocator result) => result.GetByTestId("snippet").Locator("mark");
}
