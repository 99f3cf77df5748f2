namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// The answers of one group to one question: how many answered it, how many chose each option (in option order; for
/// multiple choice one respondent counts under every option they chose), and for a scale the mean of 1 to 5.
/// </summary>
public sealed record AnswerTally(int Answered, IReadOnlyList<int> Counts, double? Mean)
{
    /// <summary>The share of those who answered, in percent (0 when nobody did).</summary>
    public double Share(int option) => Answered == 0 ? 0 : 100.0 * Counts[option] / Answered;
}
