using Microsoft.Playwright;

namespace CecPortal.BrowserTests.Pages;

/// <summary>
/// Any page as it prints: the browser switched to print media at the width of an A4 page's printable area (210 mm less
/// the style sheet's 15 mm margins, 180 mm = 680 CSS pixels), and what the print style sheet must leave out or keep.
/// </summary>
public sealed class PrintView(IPage page)
{
    public const int PrintableWidth = 680;

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });

    public ILocator Footer => page.Locator("body > footer");

    public ILocator SkipLink => page.Locator(".skip-link");

    public ILocator Main => page.Locator("main#main");

    public ILocator TlpBanner => page.GetByTestId("tlp-banner");

    public ILocator TlpLabel => TlpBanner.Locator(".tlp-label");

    public async Task EmulateAsync()
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.SetViewportSizeAsync(PrintableWidth, 960);
    }

    /// <summary>Buttons, form fields, forms and banners still rendered (none should be on paper).</summary>
    public Task<int> VisibleControlsAsync() => page.EvaluateAsync<int>(
        "() => [...document.querySelectorAll('button, input:not([type=hidden]), select, textarea, form, [role=alert], .btn')].filter(e => e.checkVisibility()).length");

    /// <summary>The computed text colour of the first element matching <paramref name="selector"/> inside main.</summary>
    public Task<string> ColourAsync(string selector) => Main.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).color");

    public Task<string> BackgroundAsync(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    public Task<string> BodyBackgroundAsync() => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    /// <summary>What the print style sheet writes after a link: its address, for web links.</summary>
    public static Task<string> AfterAsync(ILocator link) => link.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");

    public static Task<string> StyleAsync(ILocator element, string property) =>
        element.EvaluateAsync<string>("(e, p) => getComputedStyle(e).getPropertyValue(p)", property);

    /// <summary>Whether main's content is wider than main (something would be cut off at the page's edge).</summary>
    public Task<int[]> MainWidthsAsync() => Main.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");

    public Task<byte[]> PdfAsync() => page.PdfAsync(new() { Format = "A4", Margin = new() { Top = "15mm", Bottom = "15mm", Left = "15mm", Right = "15mm" } });
}
