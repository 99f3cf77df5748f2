namespace CecPortal.Web.Features.Consultations.Results;

/// <summary>
/// One question as the results need it. Options: the choices (single and multiple choice), the five labels of 1 to 5
/// (scale), empty (free text).
/// </summary>
public sealed record ResultQuestion(Guid Id, int Position, string Prompt, QuestionKind Kind, IReadOnlyList<string> Options);
