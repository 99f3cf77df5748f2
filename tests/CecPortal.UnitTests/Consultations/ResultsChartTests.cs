using AngleSharp.Html.Parser;
using CecPortal.Web.Features.Consultations.Results;
using static CecPortal.UnitTests.Consultations.ResultsTestData;

namespace CecPortal.UnitTests.Consultations;

public sealed class ResultsChartTests
{
    [Fact]
    public void Overall_ChoiceQuestion_IsAnAccessibleImageWithOneBarPerOptionAndItsCount()
    {
        // Arrange
        var report = Compute(Many(6, "DE", "energy", choice: 0).Concat(Many(3, "DE", "energy", choice: 2)));

        // Act
        var svg = ResultsChart.Overall(report.Questions[0]).ShouldNotBeNull();

        // Assert
        var document = new HtmlParser().ParseDocument($"<body>{svg}</body>");
        var root = document.QuerySelector("svg").ShouldNotBeNull();
        root.GetAttribute("role").ShouldBe("img");
        document.GetElementById(root.GetAttribute("aria-labelledby")!).ShouldNotBeNull().TextContent.ShouldBe("Should the threshold be lowered?: answers of 9 respondents");
        var texts = document.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        texts.ShouldContain("Yes");
        texts.ShouldContain("Unsure");
        texts.ShouldContain("6");
        texts.ShouldContain("3");
        var widths = document.QuerySelectorAll("rect")
            .Where(r => string.Equals(r.GetAttribute("fill"), "#0d6efd", StringComparison.OrdinalIgnoreCase))
            .Select(r => double.Parse(r.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(w => w > 0)
            .ToList();
        widths.Count.ShouldBe(2);
        (widths.Max() / widths.Min()).ShouldBe(2, tolerance: 0.01);
    }

    [Fact]
    public void Overall_HostilePrompt_IsTextInTheTitleOnly()
    {
        // Arrange
        var question = Threshold with { Prompt = "<script>alert(1)</script>", Options = ["<img src=x onerror=alert(1)>", "No"] };
        var report = ConsultationResults.Compute([question], [.. Many(5, "DE", "energy")], 5, 1, CountryName, SectorName);

        // Act
        var svg = ResultsChart.Overall(report.Questions[0]).ShouldNotBeNull();

        // Assert
        var document = new HtmlParser().ParseDocument($"<body>{svg}</body>");
        document.QuerySelectorAll("script, img").ShouldBeEmpty();
        document.QuerySelector("svg title")!.TextContent.ShouldStartWith("<script>alert(1)</script>");
    }

    [Fact]
    public void Breakdown_SingleChoice_DrawsOneBarPerPublishedGroupOnly()
    {
        // Arrange: banking (2) is merged, so the chart has energy, health and "Other sectors".
        var report = Compute(Many(6, "DE", "energy").Concat(Many(5, "DE", "health", choice: 1)).Concat(Many(2, "DE", "banking", choice: 2)).Concat(Many(3, "DE", "water")));

        // Act
        var svg = ResultsChart.Breakdown(report.Questions[0], BreakdownKind.Sector).ShouldNotBeNull();

        // Assert
        var texts = new HtmlParser().ParseDocument($"<body>{svg}</body>").QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        texts.ShouldContain("Sector energy");
        texts.ShouldContain("Sector health");
        texts.ShouldContain(ConsultationResults.OtherSectors);
        texts.ShouldNotContain("Sector banking");
        texts.ShouldNotContain("Sector water");
    }

    [Fact]
    public void Breakdown_MultipleChoiceFreeTextOrHiddenBreakdown_HasNoChart()
    {
        // Arrange: one country only, the sector table is hidden (everyone in sectors of fewer than 5).
        var report = Compute(Many(3, "DE", "energy").Concat(Many(3, "DE", "health")));

        // Act / Assert
        ResultsChart.Breakdown(report.Questions[1], BreakdownKind.Country).ShouldBeNull();
        ResultsChart.Breakdown(report.Questions[3], BreakdownKind.Country).ShouldBeNull();
        ResultsChart.Overall(report.Questions[3]).ShouldBeNull();
        ResultsChart.Breakdown(report.Questions[0], BreakdownKind.Sector).ShouldBeNull();
        ResultsChart.Breakdown(report.Questions[0], BreakdownKind.Country).ShouldNotBeNull();
    }

    [Fact]
    public void Charts_OfOneReport_HaveDistinctIds()
    {
        // Arrange
        var report = Compute(Many(5, "DE", "energy").Concat(Many(6, "DE", "health")).Concat(Many(5, "FR", "energy")).Concat(Many(7, "FR", "health")));

        // Act
        var charts = report.Questions
            .SelectMany(q => new[] { ResultsChart.Overall(q) }.Concat(report.Breakdowns.Select(b => ResultsChart.Breakdown(q, b.Kind))))
            .OfType<string>()
            .ToList();

        // Assert
        // Only the single-choice question was answered: its overall chart and one per breakdown.
        charts.Count.ShouldBe(4);
        var document = new HtmlParser().ParseDocument($"<body>{string.Concat(charts)}</body>");
        document.QuerySelectorAll("[id]").Select(e => e.Id!).ShouldBeUnique();
    }
}
