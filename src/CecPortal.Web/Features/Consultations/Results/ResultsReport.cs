namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// What may be published about a consultation's answers (see <see cref="ConsultationResults"/> for the rule). With fewer
/// than <see cref="MinGroupSize"/> respondents it holds nothing but that fact: no count, no breakdown, no question.
/// </summary>
public sealed class ResultsReport
{
    private ResultsReport(int minGroupSize, int? respondents, ResultBreakdown byCountry, ResultBreakdown bySector, ResultBreakdown byCountryAndSector, IReadOnlyList<QuestionResult> questions)
    {
        MinGroupSize = minGroupSize;
        Respondents = respondents;
        ByCountry = byCountry;
        BySector = bySector;
        ByCountryAndSector = byCountryAndSector;
        Questions = questions;
    }

    /// <summary>k: the smallest group of respondents any figure may describe.</summary>
    public int MinGroupSize { get; }

    /// <summary>How many answered; null when fewer than <see cref="MinGroupSize"/> did.</summary>
    public int? Respondents { get; }

    public bool HasFigures => Respondents is not null;

    public ResultBreakdown ByCountry { get; }

    public ResultBreakdown BySector { get; }

    public ResultBreakdown ByCountryAndSector { get; }

    public IReadOnlyList<QuestionResult> Questions { get; }

    public IEnumerable<ResultBreakdown> Breakdowns => [ByCountry, BySector, ByCountryAndSector];

    public ResultBreakdown Breakdown(BreakdownKind kind) => kind switch
    {
        BreakdownKind.Country => ByCountry,
        BreakdownKind.Sector => BySector,
        _ => ByCountryAndSector,
    };

    internal static ResultsReport TooFew(int minGroupSize) =>
        new(minGroupSize, null, new(BreakdownKind.Country, [], null), new(BreakdownKind.Sector, [], null), new(BreakdownKind.CountryBySector, [], null), []);

    internal static ResultsReport Create(int minGroupSize, int respondents, ResultBreakdown byCountry, ResultBreakdown bySector, ResultBreakdown byCountryAndSector, IReadOnlyList<QuestionResult> questions) =>
        new(minGroupSize, respondents, byCountry, bySector, byCountryAndSector, questions);
}
