namespace CecPortal.Web.Features.Consultations;

/// <summary>The answer form as posted: one entry per question, and, in an attributed consultation, whether to be named.</summary>
public sealed class AnswerForm
{
    public List<Entry> Answers { get; set; } = [];

    [Display(Name = "Staff may see my name with these answers")]
    public bool Named { get; set; }

    /// <summary>
    /// The model-state key of a question's refusal, and the id of its first input: the error summary links there, and
    /// the question's inputs name the message (the inputs' own ids stay free for their labels).
    /// </summary>
    public static string QuestionField(int position) => $"question-{position}";

    public Entry For(Guid questionId) => Answers.FirstOrDefault(a => a.QuestionId == questionId) ?? new Entry { QuestionId = questionId };

    public IReadOnlyList<GivenAnswer> ToGiven() =>
        [.. Answers.Select(a => new GivenAnswer(a.QuestionId, a.Choice is { } one ? [one, .. a.Choices] : a.Choices, a.Text))];

    public static AnswerForm From(ConsultationResponse? response) => new()
    {
        Named = response?.Named ?? false,
        Answers = [.. (response?.Answers ?? []).Select(a => new Entry
        {
            QuestionId = a.QuestionId,
            Choice = a.Choices.Count == 1 ? a.Choices[0] : null,
            Choices = [.. a.Choices],
            Text = a.Text,
        })],
    };

    /// <summary>One question's answer: <see cref="Choice"/> from radio buttons (single choice, scale), <see cref="Choices"/> from checkboxes.</summary>
    public sealed class Entry
    {
        public Guid QuestionId { get; set; }

        public int? Choice { get; set; }

        public List<int> Choices { get; set; } = [];

        [StringLength(ConsultationAnswer.MaxTextLength, ErrorMessage = "An answer may have at most {1} characters.")]
        [MarkdownText]
        [Display(Name = "Your answer")]
        public string? Text { get; set; }
    }
}
