using CsvHelper;

namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// The published figures of a <see cref="ResultsReport"/> as CSV (RFC 4180), one row per question (numbered as on the page), group and option: the
/// same groups as the page, so the file can reveal nothing the page does not. Free-text answers are not aggregates and
/// stay on the page; their row gives only how many answered.
/// </summary>
public static class ResultsCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["Question", "Question text", "Breakdown", "Country", "Sector", "Respondents", "Answered", "Answer", "Count", "Share of answered (%)"];

    /// <summary>
    /// Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR: a prompt, an option or a name) gets
    /// a leading single quote, so whoever wrote it cannot attack the staff member who opens the file.
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
    };

    public static string Write(ResultsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. Header]);
            if (report.Respondents is not { } respondents)
            {
                csv.WriteRecord(string.Empty, string.Empty, "Overall", string.Empty, string.Empty, string.Empty, string.Empty, $"Fewer than {Number(report.MinGroupSize)} respondents: no figures are published", string.Empty, string.Empty);
            }
            else
            {
                foreach (var (number, result) in report.Questions.Index().Select(q => (q.Index + 1, q.Item)))
                {
                    Rows(csv, number, result, "Overall", null, null, respondents, result.Overall);
                    foreach (var breakdown in report.Breakdowns.Where(b => b.IsShown))
                    {
                        foreach (var row in result.Rows(breakdown.Kind))
                        {
                            Rows(csv, number, result, Name(breakdown.Kind), row.Group.CountryLabel, row.Group.SectorLabel, row.Group.Respondents, row.Tally);
                        }
                    }
                }
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private static void Rows(CsvWriter csv, int number, QuestionResult result, string breakdown, string? country, string? sector, int respondents, AnswerTally tally)
    {
        void Row(string answer, string count, string share) => csv.WriteRecord(
            Number(number),
            result.Question.Prompt,
            breakdown,
            country ?? string.Empty,
            sector ?? string.Empty,
            Number(respondents),
            Number(tally.Answered),
            answer,
            count,
            share);

        if (result.Question.Kind == QuestionKind.FreeText)
        {
            Row("Free-text answers (on the results page)", Number(tally.Answered), string.Empty);
            return;
        }

        for (var option = 0; option < tally.Counts.Count; option++)
        {
            Row(result.OptionLabel(option), Number(tally.Counts[option]), tally.Share(option).ToString("0.0", CultureInfo.InvariantCulture));
        }

        if (tally.Mean is { } mean)
        {
            Row("Mean (1 to 5)", mean.ToString("0.00", CultureInfo.InvariantCulture), string.Empty);
        }
    }

    private static string Name(BreakdownKind kind) => kind switch
    {
        BreakdownKind.Country => "Country",
        BreakdownKind.Sector => "Sector",
        _ => "Country and sector",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
