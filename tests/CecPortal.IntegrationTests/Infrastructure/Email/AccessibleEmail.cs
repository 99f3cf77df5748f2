using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MimeKit;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Email;

/// <summary>
/// What every email the portal sends must be, read from the real message: an HTML body in English with a title, one
/// heading outline without skipped levels, alt text on images, layout tables marked as such, a plain-text part that
/// carries every link, a colour scheme for dark mode that overrides each light background, and text colours with at
/// least 4.5:1 contrast on the background they sit on.
/// </summary>
internal static partial class AccessibleEmail
{
    private const double MinimumContrast = 4.5;

    public static void ShouldBeAccessible(this MimeMessage message)
    {
        var subject = message.Subject ?? string.Empty;
        var html = message.HtmlBody.ShouldNotBeNull($"'{subject}' has an HTML body");
        var text = message.TextBody.ShouldNotBeNull($"'{subject}' has a plain-text part");
        var document = new HtmlParser().ParseDocument(html);

        document.DocumentElement.GetAttribute("lang").ShouldBe("en", $"'{subject}' says its language");
        document.Title.ShouldNotBeNullOrWhiteSpace($"'{subject}' has a <title>");
        Meta(document, "color-scheme").ShouldBe("light dark", $"'{subject}' declares its colour schemes");
        Meta(document, "supported-color-schemes").ShouldBe("light dark", $"'{subject}' declares its colour schemes (older Apple Mail)");

        HeadingsOf(document, subject);
        foreach (var image in document.Images)
        {
            image.HasAttribute("alt").ShouldBeTrue($"'{subject}': every image has alt text ({image.OuterHtml})");
        }

        foreach (var table in document.QuerySelectorAll("table"))
        {
            var layout = table.GetAttribute("role") == "presentation";
            var data = table.QuerySelector("th") is not null;
            (layout || data).ShouldBeTrue($"'{subject}': a table is either for layout (role=presentation) or has header cells");
        }

        foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(IsWebOrMail))
        {
            text.ShouldContain(href, Case.Sensitive, $"'{subject}': the plain-text part carries the link {href}");
        }

        DarkModeOf(document, subject);
        ContrastOf(document, subject);
    }

    private static string? Meta(IDocument document, string name) =>
        document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");

    private static void HeadingsOf(IDocument document, string subject)
    {
        var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
        levels.ShouldNotBeEmpty($"'{subject}' has a heading");
        levels[0].ShouldBe(1, $"'{subject}' opens with an h1");
        for (var i = 1; i < levels.Count; i++)
        {
            levels[i].ShouldBeLessThanOrEqualTo(levels[i - 1] + 1, $"'{subject}': no heading level is skipped ({string.Join(", ", levels.Select(l => $"h{l}"))})");
        }
    }

    /// <summary>Each element with a light inline background carries a class the dark-mode block overrides.</summary>
    private static void DarkModeOf(IDocument document, string subject)
    {
        var styles = string.Concat(document.QuerySelectorAll("style").Select(s => s.TextContent));
        var at = styles.IndexOf("@media (prefers-color-scheme: dark)", StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"'{subject}' has a dark-mode rule");
        var dark = styles[at..];
        foreach (var element in document.All.Where(e => Background(e) is { } colour && Luminance(colour) > 0.5))
        {
            element.ClassList.Any(c => dark.Contains("." + c, StringComparison.Ordinal))
                .ShouldBeTrue($"'{subject}': the light background of <{element.LocalName} style=\"{element.GetAttribute("style")}\"> has a dark-mode override");
        }
    }

    /// <summary>Every inline text colour against the nearest inline background (white, the card, when none is set).</summary>
    private static void ContrastOf(IDocument document, string subject)
    {
        foreach (var element in document.All)
        {
            if (Declaration(element, "color") is not { } value)
            {
                continue;
            }

            var foreground = Parse(value).ShouldNotBeNull($"'{subject}': a colour the test can read ({value})");
            var background = element.AncestorsAndSelf().Select(Background).FirstOrDefault(c => c is not null) ?? (1.0, 1.0, 1.0);
            var ratio = Contrast(foreground, background);
            ratio.ShouldBeGreaterThanOrEqualTo(MinimumContrast, $"'{subject}': {value} on its background in <{element.LocalName}>\"{Shorten(element.TextContent)}\"");
        }
    }

    private static IEnumerable<IElement> AncestorsAndSelf(this IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            yield return current;
        }
    }

    private static (double R, double G, double B)? Background(IElement element) =>
        Declaration(element, "background-color") is { } value ? Parse(value) : null;

    private static string? Declaration(IElement element, string property) =>
        element.GetAttribute("style")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(':', 2, StringSplitOptions.TrimEntries))
            .Where(d => d.Length == 2 && string.Equals(d[0], property, StringComparison.OrdinalIgnoreCase))
            .Select(d => d[1])
            .LastOrDefault();

    private static (double R, double G, double B)? Parse(string value)
    {
        var match = HexColour().Match(value.Trim());
        if (!match.Success)
        {
            return null;
        }

        var hex = match.Groups[1].Value;
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => $"{c}{c}"));
        }

        double Channel(int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return (Channel(0), Channel(2), Channel(4));
    }

    /// <summary>WCAG 2.x relative luminance.</summary>
    private static double Luminance((double R, double G, double B) colour)
    {
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return (0.2126 * Linear(colour.R)) + (0.7152 * Linear(colour.G)) + (0.0722 * Linear(colour.B));
    }

    private static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        var (light, dark) = (Math.Max(Luminance(a), Luminance(b)), Math.Min(Luminance(a), Luminance(b)));
        return (light + 0.05) / (dark + 0.05);
    }

    private static bool IsWebOrMail(string href) =>
        href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40];

    [GeneratedRegex("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")]
    private static partial Regex HexColour();
}
