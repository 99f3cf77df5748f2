using AngleSharp.Html.Parser;
using CecPortal.Web.Features.Admin.Dashboard;

namespace CecPortal.UnitTests.Admin.Dashboard;

public sealed class DashboardChartsTests
{
    [Fact]
    public void HorizontalBars_HostileLabel_IsDrawnAsTextOnly()
    {
        // Arrange
        string[] labels = ["<script>alert(1)</script>", "Germany & \"Austria\"", "<img src=x onerror=alert(1)>"];

        // Act
        var svg = DashboardCharts.HorizontalBars("chart-test", "Test <chart>", labels, [new ChartSeries("Members", DashboardCharts.Primary, [3, 2, 1])]);

        // Assert: parsed as a browser would, the labels are text and nothing else appeared.
        var document = new HtmlParser().ParseDocument($"<body>{svg}</body>");
        document.QuerySelectorAll("script, img, style, a, foreignObject").ShouldBeEmpty();
        document.QuerySelectorAll("*").SelectMany(e => e.Attributes).ShouldNotContain(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        var texts = document.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        texts.ShouldContain("<script>alert(1)</script>");
        texts.ShouldContain("Germany & \"Austria\"");
        document.QuerySelector("svg title")!.TextContent.ShouldBe("Test <chart>");
    }

    [Fact]
    public void HorizontalBars_OneSeries_DrawsOneBarPerLabelInOrderWithItsValue()
    {
        // Arrange
        string[] labels = ["Germany", "France", "Italy"];

        // Act
        var svg = DashboardCharts.HorizontalBars("chart-order", "Order", labels, [new ChartSeries("Members", "#123456", [7, 4, 1])]);

        // Assert: the bars are the series colour, the longest at the top, each labelled with its value.
        var document = new HtmlParser().ParseDocument($"<body>{svg}</body>");
        var bars = document.QuerySelectorAll("rect[fill='#123456']").ToList();
        bars.Count.ShouldBe(3);
        var widths = bars.OrderBy(b => double.Parse(b.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture))
            .Select(b => double.Parse(b.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        widths.ShouldBeInOrder(SortDirection.Descending);
        (widths[0] / widths[2]).ShouldBe(7, tolerance: 0.01);
        var texts = document.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        texts.ShouldContain("Germany");
        texts.ShouldContain("7");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void HorizontalBars_StackOfFiveLongNamedSeries_DrawsEveryBarWithRoomForTheLegend(int groups)
    {
        // Arrange: a 1-5 scale broken down by group, the legend's five labels wrapping onto several rows.
        string[] colours = ["#100001", "#100002", "#100003", "#100004", "#100005"];
        var series = colours.Select((c, i) => new ChartSeries($"{i + 1}: a fairly long answer label", c, [.. Enumerable.Repeat(20.0, groups)])).ToList();

        // Act
        var svg = DashboardCharts.HorizontalBars("chart-stack", "Stack", [.. Enumerable.Range(1, groups).Select(g => $"Group {g}")], series);

        // Assert: every segment of every bar has a height and a width on the drawing.
        var document = new HtmlParser().ParseDocument($"<body>{svg}</body>");
        foreach (var colour in colours)
        {
            var bars = document.QuerySelectorAll($"rect[fill='{colour}']")
                .Where(r => r.GetAttribute("width") is { } w && double.Parse(w, System.Globalization.CultureInfo.InvariantCulture) > 20).ToList();
            bars.Count(b => double.Parse(b.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture) > 5).ShouldBe(groups, colour);
        }
    }

    [Fact]
    public void HorizontalBars_TwoChartsOnOnePage_DoNotShareIds()
    {
        // Arrange
        var series = new ChartSeries("Members", DashboardCharts.Primary, [1]);

        // Act
        var first = DashboardCharts.HorizontalBars("chart-a", "A", ["One"], [series]);
        var second = DashboardCharts.HorizontalBars("chart-b", "B", ["One"], [series]);

        // Assert: every id and every url(#…) reference is prefixed by the chart's own id.
        var document = new HtmlParser().ParseDocument($"<body>{first}{second}</body>");
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        ids.ShouldBeUnique();
        document.QuerySelectorAll("#chart-a [id]").ShouldAllBe(e => e.Id!.StartsWith("chart-a-", StringComparison.Ordinal));
        document.QuerySelectorAll("#chart-b [clip-path]").ShouldAllBe(e => e.GetAttribute("clip-path")!.StartsWith("url(#chart-b-", StringComparison.Ordinal));
    }

    [Fact]
    public void Sanitize_ScriptsHandlersStylesAndOutsideLinks_AreRemoved()
    {
        // Arrange
        const string hostile = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50" onload="alert(1)">
              <script>alert(1)</script>
              <style>rect { fill: url(https://evil.example/x) }</style>
              <a xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a>
              <rect width="10" height="10" fill="url(https://evil.example/x)" style="display:none" onclick="alert(1)"/>
              <rect id="ok" width="10" height="10" fill="#ff0000"/>
              <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
              <image xlink:href="https://evil.example/x.png"/>
            </svg>
            """;

        // Act
        var svg = ChartSvg.Sanitize(hostile, "chart-x", "X");

        // Assert
        svg.ShouldNotContain("script");
        svg.ShouldNotContain("alert");
        svg.ShouldNotContain("evil.example");
        svg.ShouldNotContain("style");
        svg.ShouldNotContain("foreignObject");
        svg.ShouldContain("<rect id=\"chart-x-ok\" width=\"10\" height=\"10\" fill=\"#ff0000\" />");
        svg.ShouldStartWith("<svg id=\"chart-x\" viewBox=\"0 0 100 50\"");
    }

    [Fact]
    public void Sanitize_DocumentTypeDeclaration_IsRefused()
    {
        // Arrange
        const string withEntity = """<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>""";

        // Act / Assert
        Should.Throw<System.Xml.XmlException>(() => ChartSvg.Sanitize(withEntity, "chart-x", "X"));
    }
}
