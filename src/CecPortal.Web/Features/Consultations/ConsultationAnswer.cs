namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// The answer to one question: the chosen option indexes (0-based; a scale's 1 to 5 as 0 to 4), or the text of a
/// free-text question. A question left unanswered has no row.
/// </summary>
public sealed class ConsultationAnswer
{
    public const int MaxTextLength = 4000;

    private ConsultationAnswer()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid ResponseId { get; private set; }

    public Guid QuestionId { get; private set; }

    public List<int> Choices { get; private set; } = [];

    public string? Text { get; private set; }

    /// <summary>
    /// An answer to <paramref name="question"/>, checked against it; null when nothing was chosen or written (the
    /// question counts as not answered).
    /// </summary>
    public static ConsultationAnswer? To(ConsultationQuestion question, IReadOnlyList<int> choices, string? text)
    {
        if (question.Kind == QuestionKind.FreeText)
        {
            var trimmed = text?.Trim() ?? string.Empty;
            if (trimmed.Length > MaxTextLength)
            {
                throw new ConsultationRuleException($"An answer may have at most {MaxTextLength} characters (question {question.Position}).");
            }

            return trimmed.Length == 0 ? null : new ConsultationAnswer { QuestionId = question.Id, Text = trimmed };
        }

        var distinct = choices.Distinct().Order().ToList();
        if (distinct.Any(c => c < 0 || c >= question.OptionCount))
        {
            throw new ConsultationRuleException($"Choose from the options offered (question {question.Position}).");
        }

        if (distinct.Count > 1 && question.Kind != QuestionKind.MultipleChoice)
        {
            throw new ConsultationRuleException($"Choose one option only (question {question.Position}).");
        }

        return distinct.Count == 0 ? null : new ConsultationAnswer { QuestionId = question.Id, Choices = distinct };
    }

    internal ConsultationAnswer For(Guid responseId)
    {
        ResponseId = responseId;
        return this;
    }
}
