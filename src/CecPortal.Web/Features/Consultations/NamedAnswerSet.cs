namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// An answer set whose member chose to be named, in an attributed consultation: the only place a name meets answers.
/// <see cref="Answers"/> is one readable line per answered question, in question order.
/// </summary>
public sealed record NamedAnswerSet(string FullName, string? JobTitle, string? Organisation, IReadOnlyList<NamedAnswerSet.Line> Answers)
{
    public sealed record Line(int Position, string Prompt, string Answer);
}
