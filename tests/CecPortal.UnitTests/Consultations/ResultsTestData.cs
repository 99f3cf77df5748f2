using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Consultations.Results;

namespace CecPortal.UnitTests.Consultations;

/// <summary>A small questionnaire (one question of each kind) and helpers to build respondents for the results tests.</summary>
internal static class ResultsTestData
{
    public static readonly ResultQuestion Threshold = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), 1, "Should the threshold be lowered?", QuestionKind.SingleChoice, ["Yes", "No", "Unsure"]);

    public static readonly ResultQuestion Acts = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), 2, "Which acts matter most?", QuestionKind.MultipleChoice, ["NIS2", "CRA", "DORA"]);

    public static readonly ResultQuestion Readiness = new(Guid.Parse("00000000-0000-0000-0000-000000000003"), 3, "How ready are you?", QuestionKind.Scale, ["Not at all", "A little", "Partly", "Mostly", "Fully"]);

    public static readonly ResultQuestion Comments = new(Guid.Parse("00000000-0000-0000-0000-000000000004"), 4, "Anything else?", QuestionKind.FreeText, []);

    public static readonly IReadOnlyList<ResultQuestion> Questions = [Threshold, Acts, Readiness, Comments];

    /// <summary>A respondent who answered the single-choice question with <paramref name="choice"/> and nothing else.</summary>
    public static ResultResponse Answering(string country, string sector, int choice = 0) =>
        new(country, sector, new Dictionary<Guid, ResultAnswer> { [Threshold.Id] = new([choice], null) });

    /// <summary><paramref name="count"/> respondents of one country and sector.</summary>
    public static IEnumerable<ResultResponse> Many(int count, string country, string sector, int choice = 0) =>
        Enumerable.Range(0, count).Select(_ => Answering(country, sector, choice));

    public static ResultsReport Compute(IEnumerable<ResultResponse> responses, int k = 5, int seed = 42) =>
        ConsultationResults.Compute(Questions, [.. responses], k, seed, CountryName, SectorName);

    public static string CountryName(string code) => code switch
    {
        "DE" => "Germany",
        "FR" => "France",
        "IT" => "Italy",
        "AT" => "Austria",
        _ => $"Country {code}",
    };

    public static string SectorName(string key) => $"Sector {key}";
}
