using System.Security.Cryptography;

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// A consultation of the members on a policy or regulatory question, run by staff for an EU institution. It moves
/// Draft → Open → Closed → Published and never back; its text and questions change only while it is a draft, because
/// members answer what they were shown. The position paper and the institution's response come with publication.
/// </summary>
public sealed class Consultation
{
    public const int MaxTitleLength = 200;
    public const int MaxInstitutionLength = 200;
    public const int MaxActLength = 200;
    public const int MaxMarkdownLength = 50_000;
    public const int MaxQuestions = 40;

    private readonly List<ConsultationQuestion> _questions = [];

    private Consultation()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Title { get; private set; } = string.Empty;

    /// <summary>The EU institution or agency the community answers, e.g. "European Commission (DG CONNECT)" or "ENISA".</summary>
    public string Institution { get; private set; } = string.Empty;

    /// <summary>The act or call it concerns, e.g. "NIS2 implementing act on incident reporting".</summary>
    public string Act { get; private set; } = string.Empty;

    public string ContextMarkdown { get; private set; } = string.Empty;

    public DateTimeOffset Deadline { get; private set; }

    public ConsultationMode Mode { get; private set; }

    /// <summary>The NIS2 sectors invited; empty for every sector.</summary>
    public List<string> AudienceSectors { get; private set; } = [];

    /// <summary>The countries invited; empty for every country.</summary>
    public List<string> AudienceCountries { get; private set; } = [];

    public ConsultationStatus Status { get; private set; }

    public string? PositionPaperMarkdown { get; private set; }

    public string? InstitutionResponseMarkdown { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedById { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When the one reminder to those who had not answered was queued; null until then (the job's ledger).</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }

    /// <summary>
    /// A random number drawn at creation and never shown: it orders the free-text answers on every results page, so the
    /// order is stable but has nothing to do with when (or by whom) an answer was given.
    /// </summary>
    public int ResultsSeed { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<ConsultationQuestion> Questions => _questions;

    public bool IsEditable => Status == ConsultationStatus.Draft;

    /// <summary>Whether members may still save or submit answers.</summary>
    public bool AcceptsAnswersAt(DateTimeOffset now) => Status == ConsultationStatus.Open && now < Deadline;

    /// <summary>Whether a member with this profile sector and country is invited.</summary>
    public bool Invites(string? sectorCode, string? countryCode) =>
        (AudienceSectors.Count == 0 || (sectorCode is not null && AudienceSectors.Contains(sectorCode)))
        && (AudienceCountries.Count == 0 || (countryCode is not null && AudienceCountries.Contains(countryCode)));

    public static Consultation Create(ConsultationDetails details, Actor actor, DateTimeOffset now)
    {
        var consultation = new Consultation
        {
            CreatedAt = now,
            CreatedById = actor.Id,
            Status = ConsultationStatus.Draft,
            ResultsSeed = RandomNumberGenerator.GetInt32(int.MaxValue),
        };
        consultation.Describe(details, now);
        return consultation;
    }

    public void Edit(ConsultationDetails details, DateTimeOffset now)
    {
        RequireDraft();
        Describe(details, now);
    }

    public ConsultationQuestion AddQuestion(QuestionKind kind, string prompt, IReadOnlyList<string> options, bool required)
    {
        RequireDraft();
        if (_questions.Count >= MaxQuestions)
        {
            throw new ConsultationRuleException($"A consultation has at most {MaxQuestions} questions: a few minutes of a CISO's time.");
        }

        var question = ConsultationQuestion.Create(Id, _questions.Count == 0 ? 1 : _questions.Max(q => q.Position) + 1, kind, prompt, options, required);
        _questions.Add(question);
        return question;
    }

    public ConsultationQuestion RemoveQuestion(Guid questionId)
    {
        RequireDraft();
        var question = Question(questionId);
        _questions.Remove(question);
        Renumber();
        return question;
    }

    /// <summary>Moves a question one place up (<paramref name="up"/>) or down; at either end it stays where it is.</summary>
    public ConsultationQuestion MoveQuestion(Guid questionId, bool up)
    {
        RequireDraft();
        var ordered = _questions.OrderBy(q => q.Position).ToList();
        var question = Question(questionId);
        var index = ordered.IndexOf(question);
        var target = up ? index - 1 : index + 1;
        if (target >= 0 && target < ordered.Count)
        {
            ordered.RemoveAt(index);
            ordered.Insert(target, question);
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].MoveTo(i + 1);
            }
        }

        return question;
    }

    public ConsultationQuestion MarkRequired(Guid questionId, bool required)
    {
        RequireDraft();
        var question = Question(questionId);
        question.MarkRequired(required);
        return question;
    }

    public void Open(DateTimeOffset now)
    {
        RequireDraft();
        if (_questions.Count == 0)
        {
            throw new ConsultationRuleException("Add at least one question before opening the consultation.");
        }

        if (Deadline <= now.AddHours(1))
        {
            throw new ConsultationRuleException("The deadline has passed or is less than an hour away: move it before opening the consultation.");
        }

        Status = ConsultationStatus.Open;
        OpenedAt = now;
    }

    public void Close(DateTimeOffset now)
    {
        if (Status != ConsultationStatus.Open)
        {
            throw new ConsultationRuleException("Only an open consultation can be closed.");
        }

        Status = ConsultationStatus.Closed;
        ClosedAt = now;
    }

    /// <summary>Publishes the position paper to the members; the institution's response may come with it or later.</summary>
    public void Publish(string positionPaperMarkdown, string? institutionResponseMarkdown, DateTimeOffset now)
    {
        if (Status != ConsultationStatus.Closed)
        {
            throw new ConsultationRuleException("Only a closed consultation can be published.");
        }

        SetPublication(positionPaperMarkdown, institutionResponseMarkdown);
        Status = ConsultationStatus.Published;
        PublishedAt = now;
    }

    /// <summary>Corrects the published paper or adds the institution's response when it arrives.</summary>
    public void RevisePublication(string positionPaperMarkdown, string? institutionResponseMarkdown)
    {
        if (Status != ConsultationStatus.Published)
        {
            throw new ConsultationRuleException("Only a published consultation has a position paper to revise.");
        }

        SetPublication(positionPaperMarkdown, institutionResponseMarkdown);
    }

    /// <summary>Records the reminder as queued; a second call keeps the first instant.</summary>
    public void MarkReminderSent(DateTimeOffset now) => ReminderSentAt ??= now;

    private void SetPublication(string positionPaperMarkdown, string? institutionResponseMarkdown)
    {
        var paper = positionPaperMarkdown?.Trim() ?? string.Empty;
        if (paper.Length == 0)
        {
            throw new ConsultationRuleException("Write the position paper before publishing.", nameof(PositionPaperMarkdown));
        }

        PositionPaperMarkdown = Limit(paper, MaxMarkdownLength, "The position paper", nameof(PositionPaperMarkdown));
        var response = institutionResponseMarkdown?.Trim();
        InstitutionResponseMarkdown = string.IsNullOrEmpty(response) ? null : Limit(response, MaxMarkdownLength, "The institution's response", nameof(InstitutionResponseMarkdown));
    }

    private void Describe(ConsultationDetails details, DateTimeOffset now)
    {
        Title = Required(details.Title, MaxTitleLength, "the title", nameof(ConsultationDetails.Title));
        Institution = Required(details.Institution, MaxInstitutionLength, "the institution", nameof(ConsultationDetails.Institution));
        Act = Required(details.Act, MaxActLength, "the act or call", nameof(ConsultationDetails.Act));
        ContextMarkdown = Required(details.ContextMarkdown, MaxMarkdownLength, "the context", nameof(ConsultationDetails.ContextMarkdown));
        if (details.Deadline <= now)
        {
            throw new ConsultationRuleException("The deadline must be in the future.", nameof(ConsultationDetails.Deadline));
        }

        Deadline = details.Deadline;
        Mode = details.Mode;
        AudienceSectors = [.. details.AudienceSectors.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        AudienceCountries = [.. details.AudienceCountries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private ConsultationQuestion Question(Guid questionId) =>
        _questions.SingleOrDefault(q => q.Id == questionId) ?? throw new ConsultationRuleException("That question is not part of this consultation any more.");

    private void Renumber()
    {
        var position = 1;
        foreach (var question in _questions.OrderBy(q => q.Position))
        {
            question.MoveTo(position++);
        }
    }

    private void RequireDraft()
    {
        if (!IsEditable)
        {
            throw new ConsultationRuleException("The consultation is open: its text and questions no longer change, because members answer what they were shown.");
        }
    }

    private static string Required(string? value, int maxLength, string what, string field)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new ConsultationRuleException($"Enter {what}.", field);
        }

        return Limit(trimmed, maxLength, char.ToUpperInvariant(what[0]) + what[1..], field);
    }

    private static string Limit(string value, int maxLength, string what, string field) =>
        value.Length <= maxLength ? value : throw new ConsultationRuleException($"{what} may have at most {maxLength} characters.", field);
}
