using CecPortal.Web.Features.Admin.Dashboard;

namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// The results' charts, drawn like the staff dashboard's (<see cref="DashboardCharts"/>: server-side SVG, sanitized,
/// <c>role="img"</c> with a title). They only draw figures of the report, so they publish nothing its tables do not; the
/// page shows those tables beside them.
/// </summary>
public static class ResultsChart
{
    /// <summary>Colours told apart with the common forms of colour blindness (Okabe and Ito).</summary>
    private static readonly string[] ChoiceColours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>From 1 (disagree) to 5 (agree), with the middle grey.</summary>
    private static readonly string[] ScaleColours = ["#B2182B", "#EF8A62", "#BABABA", "#67A9CF", "#2166AC"];

    /// <summary>One bar per option with its count; null for free text and for a question nobody answered.</summary>
    public static string? Overall(QuestionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tally = result.Overall;
        if (result.Question.Kind == QuestionKind.FreeText || tally.Answered == 0 || tally.Counts.Count == 0)
        {
            return null;
        }

        var labels = Enumerable.Range(0, tally.Counts.Count).Select(result.OptionLabel).ToList();
        return DashboardCharts.HorizontalBars(
            Id(result, "overall"),
            $"{result.Question.Prompt}: answers of {Number(tally.Answered)} respondents",
            labels,
            [new ChartSeries("Respondents", DashboardCharts.Primary, [.. tally.Counts.Select(c => (double)c)])]);
    }

    /// <summary>
    /// One bar per group, split by the share (percent) of the group's answers for each option; null when the breakdown has
    /// no rows, and for multiple choice (shares of several choices add up to more than 100, so only the table shows them).
    /// </summary>
    public static string? Breakdown(QuestionResult result, BreakdownKind kind)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Rows(kind);
        if (result.Question.Kind is not (QuestionKind.SingleChoice or QuestionKind.Scale) || rows.Count == 0 || rows.All(r => r.Tally.Answered == 0))
        {
            return null;
        }

        var colours = result.Question.Kind == QuestionKind.Scale && result.Question.Options.Count == ScaleColours.Length ? ScaleColours : ChoiceColours;
        var series = Enumerable.Range(0, result.Question.Options.Count)
            .Select(option => new ChartSeries(result.OptionLabel(option), colours[option % colours.Length], [.. rows.Select(r => r.Tally.Share(option))]))
            .ToList();
        var what = kind switch
        {
            BreakdownKind.Country => "by country",
            BreakdownKind.Sector => "by sector",
            _ => "by country and sector",
        };
        return DashboardCharts.HorizontalBars(
            Id(result, kind.ToString().ToLowerInvariant()),
            $"{result.Question.Prompt}: share of each answer {what}, in percent",
            [.. rows.Select(r => r.Group.Label)],
            series);
    }

    private static string Id(QuestionResult result, string part) => $"chart-q{result.Question.Id:N}-{part}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
