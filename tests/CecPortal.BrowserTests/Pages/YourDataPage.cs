using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>"Your data" at <c>/profile/data</c>: the download button, reached from the profile.</summary>
public sealed class YourDataPage(IPage page)
{
    public const string Path = "/profile/data";

    public ILocator ProfileLink => page.GetByTestId("your-data-card");

    public ILocator DownloadButton => page.GetByRole(AriaRole.Button, new() { Name = "Download my data" });

    public async Task OpenFromProfileAsync()
    {
        await page.GotoAsync("/profile");
        await ProfileLink.ClickAsync();
    }

    /// <summary>Clicks the button and returns the browser's download.</summary>
    public Task<IDownload> DownloadAsync() => page.RunAndWaitForDownloadAsync(() => DownloadButton.ClickAsync());
}
