using System.Globalization;
using System.Text.RegularExpressions;

namespace CecPortal.UnitTests.Briefings;

/// <summary>
/// The TLP label's colours in the portal's style sheet are TLP 2.0's, on black, and readable there (WCAG 2.2 AA,
/// 4.5:1), read from site.css itself so that a restyling cannot drift from the standard unnoticed.
/// </summary>
public sealed partial class TlpStylesheetTests
{
    private static readonly Lazy<string> SiteCss = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "CecPortal.Web", "wwwroot", "css", "site.css")));

    [Theory]
    [InlineData(".tlp-clear .tlp-label", "#FFFFFF")]
    [InlineData(".tlp-green .tlp-label", "#33FF00")]
    [InlineData(".tlp-amber .tlp-label", "#FFC000")]
    [InlineData(".tlp-amber-strict .tlp-label", "#FFC000")]
    [InlineData(".tlp-red .tlp-label", "#FF2B2B")]
    public void SiteCss_TlpLabelColour_IsTlp2ColourReadableOnBlack(string selector, string expected)
    {
        // Arrange
        var css = SiteCss.Value;

        // Act
        var colour = Declaration(css, selector, "color");

        // Assert
        Normalise(colour).ShouldBe(expected);
        Contrast(expected, "#000000").ShouldBeGreaterThanOrEqualTo(4.5);
    }

    [Theory]
    [InlineData(".tlp-banner")]
    [InlineData(".tlp-badge")]
    public void SiteCss_TlpLabelBackground_IsBlack(string selector)
    {
        // Arrange
        var css = SiteCss.Value;

        // Act
        var background = Declaration(css, selector, "background");

        // Assert
        Normalise(background).ShouldBe("#000000");
    }

    [Fact]
    public void SiteCss_TlpMeaningBesideTheLabel_ReadableOnBlack()
    {
        // Arrange
        var css = SiteCss.Value;

        // Act
        var colour = Normalise(Declaration(css, ".tlp-banner .tlp-meaning", "color"));

        // Assert
        Contrast(colour, "#000000").ShouldBeGreaterThanOrEqualTo(4.5);
    }

    /// <summary>The value of <paramref name="property"/> in the first rule (outside any media query) whose selector list holds <paramref name="selector"/>.</summary>
    private static string Declaration(string css, string selector, string property)
    {
        var outsideMedia = MediaBlock().Replace(css, string.Empty);
        foreach (Match rule in Rule().Matches(outsideMedia))
        {
            var selectors = rule.Groups["selectors"].Value.Split(',', StringSplitOptions.TrimEntries);
            if (!selectors.Contains(selector, StringComparer.Ordinal))
            {
                continue;
            }

            var declaration = rule.Groups["body"].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(d => d.Split(':', 2, StringSplitOptions.TrimEntries))
                .FirstOrDefault(d => d.Length == 2 && d[0] == property);
            if (declaration is not null)
            {
                return declaration[1];
            }
        }

        throw new InvalidOperationException($"site.css has no '{property}' for '{selector}'.");
    }

    private static string Normalise(string colour)
    {
        var hex = colour.Trim().TrimStart('#').ToUpperInvariant();
        return "#" + (hex.Length == 3 ? string.Concat(hex.Select(c => $"{c}{c}")) : hex);
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>WCAG 2.x relative luminance of a #RRGGBB colour.</summary>
    private static double Luminance(string colour)
    {
        double Channel(int at)
        {
            var c = int.Parse(colour.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CecPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: no CecPortal.sln above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"/\*.*?\*/|@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", RegexOptions.Singleline)]
    private static partial Regex MediaBlock();

    [GeneratedRegex(@"(?<selectors>[^{}]+)\{(?<body>[^{}]*)\}", RegexOptions.Singleline)]
    private static partial Regex Rule();
}
