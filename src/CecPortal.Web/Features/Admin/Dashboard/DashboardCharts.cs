using ScottPlot;
using SkiaSharp;

namespace CecPortal.Web.Features.Admin.Dashboard;

/// <summary>
/// Draws the dashboard's horizontal bar charts with ScottPlot (SkiaSharp's SVG canvas, on the server) and returns
/// them as sanitized inline SVG. Text is measured with the embedded DejaVu Sans, so a server without fonts draws the
/// same labels as a desktop.
/// </summary>
public static class DashboardCharts
{
    public const string FontName = "Dashboard Sans";

    public const int Width = 560;

    public const string Primary = "#0d6efd";
    public const string Success = "#198754";
    public const string Danger = "#dc3545";
    public const string Warning = "#ffc107";
    public const string Muted = "#adb5bd";

    private const int RowHeight = 26;

    private static readonly Lazy<bool> FontRegistered = new(RegisterFont);

    /// <summary>
    /// Horizontal bars, the first label at the top; several series are stacked. Returns sanitized SVG markup with
    /// <paramref name="id"/> as its element id and <paramref name="title"/> as its accessible name.
    /// </summary>
    public static string HorizontalBars(string id, string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series)
    {
        _ = FontRegistered.Value;
        if (series.Any(s => s.Values.Count != labels.Count))
        {
            throw new ArgumentException("Every series needs one value per label.", nameof(series));
        }

        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Legend.FontName = FontName;
        var count = labels.Count;
        var bases = new double[count];
        foreach (var s in series)
        {
            var bars = new List<Bar>(count);
            for (var i = 0; i < count; i++)
            {
                var value = s.Values[i];
                bars.Add(new Bar
                {
                    Position = count - 1 - i,
                    ValueBase = bases[i],
                    Value = bases[i] + value,
                    FillColor = Color.FromHex(s.HexColor),
                    LineWidth = 0,
                    Size = 0.7,
                    Orientation = Orientation.Horizontal,

                    // A single series carries its numbers on the bars; stacks rely on the table beside the chart.
                    Label = series.Count == 1 ? value.ToString("0.#", CultureInfo.InvariantCulture) : string.Empty,
                });
                bases[i] += value;
            }

            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = series.Count > 1 ? s.Name : string.Empty;
            plottable.ValueLabelStyle.FontName = FontName;
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, count).Select(i => (double)(count - 1 - i))], [.. labels.Select(Shorten)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        var max = Math.Max(1, bases.DefaultIfEmpty(0).Max());
        plot.Axes.SetLimits(0, max * 1.12, -0.6, Math.Max(count, 1) - 0.4);
        if (series.Count > 1)
        {
            plot.ShowLegend(Edge.Bottom);
        }

        var height = 50 + (RowHeight * Math.Max(count, 1)) + (series.Count > 1 ? LegendHeight(series) : 0);
        return ChartSvg.Sanitize(plot.GetSvgXml(Width, height), id, title);
    }

    /// <summary>
    /// The room a bottom legend takes: it wraps to the figure's width, a swatch, the name and a gap per series, and
    /// whatever it takes comes out of the bars' room (too little, and the bars are not drawn at all).
    /// </summary>
    private static int LegendHeight(IReadOnlyList<ChartSeries> series)
    {
        var rows = 1;
        var used = 0.0;
        foreach (var item in series.Select(s => 34 + (8.0 * s.Name.Length)))
        {
            if (used > 0 && used + item > Width - 40)
            {
                rows++;
                used = 0;
            }

            used += item;
        }

        return 20 + (26 * rows);
    }

    /// <summary>Long names (sectors, briefing titles) would squeeze the bars; the table beside the chart has them whole.</summary>
    private static string Shorten(string label) => label.Length <= 32 ? label : string.Concat(label.AsSpan(0, 31), "…");

    private static bool RegisterFont()
    {
        using var stream = typeof(DashboardCharts).Assembly.GetManifestResourceStream("CecPortal.Web.Dashboard.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The dashboard font is not embedded in the portal assembly.");
        using var data = SKData.Create(stream);
        var typeface = SKTypeface.FromData(data) ?? throw new InvalidOperationException("The dashboard font could not be read.");
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(typeface));
        return true;
    }

    /// <summary>Answers <see cref="FontName"/> with the embedded typeface and leaves every other name to ScottPlot.</summary>
    private sealed class EmbeddedFontResolver(SKTypeface typeface) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == FontName ? typeface : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => fontName == FontName ? typeface : null;
    }
}
