using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CecPortal.Web.Features.Admin.Dashboard;

/// <summary>
/// Turns the SVG that the chart library wrote into markup that is safe to place inline in a page: only drawing
/// elements and presentation attributes survive (no scripts, styles, links or event handlers, whatever a label said),
/// ids get a per-chart prefix so that several charts on one page do not share clip paths, and the chart gets a
/// title and <c>role="img"</c> for screen readers. Labels are re-encoded as text by the XML writer.
/// </summary>
public static partial class ChartSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly HashSet<string> Elements =
        ["svg", "g", "path", "rect", "text", "tspan", "clipPath", "defs", "line", "polyline", "polygon", "circle", "ellipse"];

    private static readonly HashSet<string> Attributes =
    [
        "width", "height", "viewBox", "id", "transform", "clip-path", "opacity",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-miterlimit",
        "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset",
        "d", "x", "y", "dx", "dy", "rx", "ry", "cx", "cy", "r", "x1", "y1", "x2", "y2", "points",
        "font-size", "font-family", "font-weight", "font-style", "text-anchor", "dominant-baseline",
    ];

    /// <summary>The font the charts are measured with, then close relatives, for browsers without it.</summary>
    private const string FontFamilies = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif";

    public static string Sanitize(string svg, string id, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!SafeId().IsMatch(id))
        {
            throw new ArgumentException("A chart id is letters, digits and dashes.", nameof(id));
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(svg), settings);
        var source = XDocument.Load(reader).Root ?? throw new InvalidOperationException("The chart has no SVG root.");
        if (source.Name != Svg + "svg")
        {
            throw new InvalidOperationException("The chart is not SVG.");
        }

        var width = source.Attribute("width")?.Value ?? DashboardCharts.Width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var height = source.Attribute("height")?.Value ?? "300";
        var root = new XElement(
            Svg + "svg",
            new XAttribute("id", id),
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XAttribute("class", "dashboard-chart"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title));
        root.Add(source.Nodes().Select(node => Copy(node, id)).OfType<XNode>());
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XNode? Copy(XNode node, string prefix) => node switch
    {
        XElement element when element.Name.Namespace == Svg && Elements.Contains(element.Name.LocalName) => CopyElement(element, prefix),
        XText text when node.Parent?.Name.LocalName is "text" or "tspan" => new XText(text.Value.Trim()),
        _ => null,
    };

    private static XElement CopyElement(XElement element, string prefix)
    {
        var copy = new XElement(Svg + element.Name.LocalName);
        foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == XNamespace.None && Attributes.Contains(a.Name.LocalName)))
        {
            var value = attribute.Name.LocalName switch
            {
                "id" => $"{prefix}-{attribute.Value}",
                "font-family" => FontFamilies,
                _ => attribute.Value,
            };
            if (value.Contains("url(", StringComparison.OrdinalIgnoreCase))
            {
                // Only references to this chart's own clip paths and gradients.
                var reference = LocalReference().Match(value);
                if (!reference.Success)
                {
                    continue;
                }

                value = $"url(#{prefix}-{reference.Groups[1].Value})";
            }

            copy.Add(new XAttribute(attribute.Name.LocalName, value));
        }

        copy.Add(element.Nodes().Select(node => Copy(node, prefix)).OfType<XNode>());
        return copy;
    }

    private static string Number(string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The chart's size is not a number.");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex SafeId();

    [GeneratedRegex(@"^\s*url\(#([A-Za-z0-9_-]+)\)\s*$")]
    private static partial Regex LocalReference();
}
