namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// The results of one question: the overall tally, one row per published group of each breakdown (empty for free text
/// and for a breakdown that is not shown), and for free text the answers, without author, country or sector, in an
/// order drawn from the consultation's seed.
/// </summary>
public sealed record QuestionResult(
    ResultQuestion Question,
    AnswerTally Overall,
    IReadOnlyList<GroupTally> ByCountry,
    IReadOnlyList<GroupTally> BySector,
    IReadOnlyList<GroupTally> ByCountryAndSector,
    IReadOnlyList<string> Texts)
{
    /// <summary>An option as tables and charts name it; a scale's value comes first ("4 – Agree").</summary>
    public string OptionLabel(int option) => Question.Kind == QuestionKind.Scale
        ? string.Create(CultureInfo.InvariantCulture, $"{option + 1} – {Question.Options[option]}")
        : Question.Options[option];

    public IReadOnlyList<GroupTally> Rows(BreakdownKind kind) => kind switch
    {
        BreakdownKind.Country => ByCountry,
        BreakdownKind.Sector => BySector,
        _ => ByCountryAndSector,
    };
}
