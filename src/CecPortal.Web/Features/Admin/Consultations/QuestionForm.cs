using CecPortal.Web.Features.Consultations;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>A new question: its kind, its text, its options one per line (a scale's five labels), and whether it is required.</summary>
public sealed class QuestionForm
{
    [Required(ErrorMessage = "Choose the kind of question.")]
    [Display(Name = "Kind")]
    public QuestionKind? Kind { get; set; } = QuestionKind.SingleChoice;

    [Required(ErrorMessage = "Enter the question.")]
    [StringLength(ConsultationQuestion.MaxPromptLength, ErrorMessage = "A question may have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Question")]
    public string? Prompt { get; set; }

    [StringLength(ConsultationQuestion.MaxChoices * (ConsultationQuestion.MaxOptionLength + 2), ErrorMessage = "The options are too long.")]
    [MarkdownText]
    [Display(Name = "Options, one per line (a scale: its five labels, for 1 to 5)")]
    public string? Options { get; set; }

    [Display(Name = "Required")]
    public bool Required { get; set; }

    public IReadOnlyList<string> OptionLines() =>
        (Options ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
