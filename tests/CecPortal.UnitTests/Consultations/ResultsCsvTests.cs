using System.Text;
using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Consultations.Results;
using static CecPortal.UnitTests.Consultations.ResultsTestData;

namespace CecPortal.UnitTests.Consultations;

public sealed class ResultsCsvTests
{
    [Fact]
    public void Write_FormulaInPromptOptionOrName_StartsWithAQuoteAsText()
    {
        // Arrange: staff wrote the prompt and options, the names come from reference data; none may run in a spreadsheet.
        var question = new ResultQuestion(Guid.NewGuid(), 1, "=HYPERLINK(\"https://evil.example\",\"Open\")", QuestionKind.SingleChoice, ["+1", "@SUM(A1)", "-2", "\tTab", "\rReturn", "Plain"]);
        var responses = Enumerable.Range(0, 6).Select(i => new ResultResponse("XX", "energy", new Dictionary<Guid, ResultAnswer> { [question.Id] = new([i], null) })).ToList();
        var report = ConsultationResults.Compute([question], responses, 5, 1, _ => "=cmd|' /C calc'!A0", SectorName);

        // Act
        var rows = Parse(ResultsCsv.Write(report));

        // Assert: every text cell that began with = + - @, tab or CR now begins with a quote; nothing else changed.
        var cells = rows.Skip(1).SelectMany(r => r).ToList();
        cells.ShouldContain("'=HYPERLINK(\"https://evil.example\",\"Open\")");
        cells.ShouldContain("'+1");
        cells.ShouldContain("'@SUM(A1)");
        cells.ShouldContain("'-2");
        cells.ShouldContain("'\tTab");
        cells.ShouldContain("'\rReturn");
        cells.ShouldContain("'=cmd|' /C calc'!A0");
        cells.ShouldContain("Plain");
        cells.ShouldNotContain(c => c.Length > 0 && "=+-@\t\r".Contains(c[0]));
    }

    [Fact]
    public void Write_CommasQuotesAndLineBreaks_AreQuotedAndReadBackWhole()
    {
        // Arrange
        var question = new ResultQuestion(Guid.NewGuid(), 1, "Thresholds, \"significant\" incidents\nand reporting", QuestionKind.SingleChoice, ["Yes, lower", "No"]);
        var responses = Enumerable.Range(0, 5).Select(_ => new ResultResponse("DE", "energy", new Dictionary<Guid, ResultAnswer> { [question.Id] = new([0], null) })).ToList();
        var report = ConsultationResults.Compute([question], responses, 5, 1, CountryName, SectorName);

        // Act
        var csv = ResultsCsv.Write(report);
        var rows = Parse(csv);

        // Assert
        csv.ShouldContain("\"Thresholds, \"\"significant\"\" incidents\nand reporting\"");
        rows[0].ShouldBe(ResultsCsv.Header);
        rows.ShouldAllBe(r => r.Count == ResultsCsv.Header.Count);
        var overall = rows.Where(r => r[2] == "Overall").ToList();
        overall.Select(r => (r[1], r[5], r[6], r[7], r[8], r[9])).ShouldBe(
        [
            ("Thresholds, \"significant\" incidents\nand reporting", "5", "5", "Yes, lower", "5", "100.0"),
            ("Thresholds, \"significant\" incidents\nand reporting", "5", "5", "No", "0", "0.0"),
        ]);
    }

    [Fact]
    public void Write_Report_HasTheBreakdownsOfThePageAndNoFreeText()
    {
        // Arrange: two countries and two sectors, all cells of at least 5, and a comment from everyone.
        var responses = Many(5, "DE", "energy").Concat(Many(6, "DE", "health")).Concat(Many(5, "FR", "energy")).Concat(Many(7, "FR", "health"))
            .Select((r, i) => r with { Answers = new Dictionary<Guid, ResultAnswer>(r.Answers) { [Readiness.Id] = new([i % 5], null), [Comments.Id] = new([], $"Secret remark {i}") } })
            .ToList();
        var report = Compute(responses);

        // Act
        var csv = ResultsCsv.Write(report);
        var rows = Parse(csv).Skip(1).ToList();

        // Assert
        csv.ShouldNotContain("Secret remark");
        rows.Where(r => r[0] == "1").Select(r => r[2]).Distinct().ShouldBe(["Overall", "Country", "Sector", "Country and sector"]);
        rows.Single(r => r[0] == "1" && r[2] == "Country and sector" && r[3] == "France" && r[4] == "Sector health" && r[7] == "Yes")[5].ShouldBe("7");
        rows.Single(r => r[0] == "3" && r[2] == "Overall" && r[7] == "Mean (1 to 5)")[8].ShouldBe(report.Questions[2].Overall.Mean!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        rows.Single(r => r[0] == "4" && r[2] == "Overall")[8].ShouldBe("23");
        rows.Where(r => r[5].Length > 0).ShouldAllBe(r => int.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture) >= 5);
    }

    [Fact]
    public void Write_FewerThanK_SaysSoAndGivesNoFigure()
    {
        // Arrange
        var report = Compute(Many(3, "DE", "energy"));

        // Act
        var rows = Parse(ResultsCsv.Write(report));

        // Assert
        rows.Count.ShouldBe(2);
        rows[1][7].ShouldBe("Fewer than 5 respondents: no figures are published");
        rows[1].Where((_, i) => i != 7).ShouldAllBe(c => c.Length == 0 || c == "Overall");
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold separators, doubled quotes and line breaks; records end with CRLF.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        quoted.ShouldBeFalse("an unterminated quoted field");
        (row.Count == 0 && field.Length == 0).ShouldBeTrue("the last record ends with CRLF");
        return rows;
    }
}
