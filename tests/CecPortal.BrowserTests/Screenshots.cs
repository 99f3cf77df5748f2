using Microsoft.Playwright;

namespace CecPortal.BrowserTests;

/// <summary>Full-page PNGs under <c>TestResults/screenshots</c> next to the test assembly.</summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{string.Concat(name.Split(Path.GetInvalidFileNameChars()))}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Best effort, for failed tests: a broken page must not hide the original failure.</summary>
    public static async Task TrySaveAsync(IPage page, string name)
    {
        try
        {
            var path = await SaveAsync(page, name);
            TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot of the failed page: {path}");
            TestContext.Current.AddAttachment($"screenshot-{name}", await File.ReadAllBytesAsync(path), "image/png");
        }
        catch (PlaywrightException)
        {
        }
        catch (IOException)
        {
        }
        catch (InvalidOperationException)
        {
            // No current test to attach to, or an attachment of that name already exists: the PNG is on disk anyway.
        }
    }
}
