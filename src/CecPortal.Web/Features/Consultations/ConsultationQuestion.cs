namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// One question of a consultation. Its options are the choices of a single or multiple choice question, or the labels
/// of 1 to 5 of a scale; a free-text question has none. Answers store option indexes, so options never change once
/// the consultation is open (the consultation refuses it).
/// </summary>
public sealed class ConsultationQuestion
{
    public const int MaxPromptLength = 500;
    public const int MaxOptionLength = 200;
    public const int MinChoices = 2;
    public const int MaxChoices = 12;
    public const int ScalePoints = 5;

    private ConsultationQuestion()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ConsultationId { get; private set; }

    /// <summary>1 for the first question; consecutive.</summary>
    public int Position { get; private set; }

    public string Prompt { get; private set; } = string.Empty;

    public QuestionKind Kind { get; private set; }

    public List<string> Options { get; private set; } = [];

    public bool Required { get; private set; }

    internal static ConsultationQuestion Create(Guid consultationId, int position, QuestionKind kind, string prompt, IReadOnlyList<string> options, bool required)
    {
        var text = prompt?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new ConsultationRuleException("Enter the question.", nameof(Prompt));
        }

        if (text.Length > MaxPromptLength)
        {
            throw new ConsultationRuleException($"A question may have at most {MaxPromptLength} characters.", nameof(Prompt));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ConsultationRuleException("Choose the kind of question.", nameof(Kind));
        }

        return new ConsultationQuestion
        {
            ConsultationId = consultationId,
            Position = position,
            Kind = kind,
            Prompt = text,
            Options = CheckOptions(kind, options),
            Required = required,
        };
    }

    internal void MoveTo(int position) => Position = position;

    internal void MarkRequired(bool required) => Required = required;

    /// <summary>How many options an answer may pick from (the scale's five points count as options 0 to 4).</summary>
    public int OptionCount => Kind == QuestionKind.FreeText ? 0 : Options.Count;

    private static List<string> CheckOptions(QuestionKind kind, IReadOnlyList<string> options)
    {
        var cleaned = options.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        if (cleaned.Any(o => o.Length > MaxOptionLength))
        {
            throw new ConsultationRuleException($"An option or label may have at most {MaxOptionLength} characters.", nameof(Options));
        }

        switch (kind)
        {
            case QuestionKind.FreeText:
                if (cleaned.Count > 0)
                {
                    throw new ConsultationRuleException("A free-text question has no options: leave them empty.", nameof(Options));
                }

                return [];
            case QuestionKind.Scale:
                if (cleaned.Count != ScalePoints)
                {
                    throw new ConsultationRuleException($"A scale needs exactly {ScalePoints} labels, one per line, for 1 to 5 (for example \"Strongly disagree\" to \"Strongly agree\").", nameof(Options));
                }

                return cleaned;
            default:
                if (cleaned.Count is < MinChoices or > MaxChoices)
                {
                    throw new ConsultationRuleException($"A choice question needs {MinChoices} to {MaxChoices} options, one per line.", nameof(Options));
                }

                if (cleaned.Distinct(StringComparer.OrdinalIgnoreCase).Count() != cleaned.Count)
                {
                    throw new ConsultationRuleException("Two options are the same: each option must be different.", nameof(Options));
                }

                return cleaned;
        }
    }
}
