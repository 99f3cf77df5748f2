using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// What staff (Policy, Editors, Admins) do to consultations: write a draft and its questions, open it (the
/// announcement goes to the audience in the same save), close it, publish the position paper and later the
/// institution's response. Every change writes an audit entry in the same save, naming the consultation by id. No
/// method here reads who answered, except <see cref="NamedAnswerSetsAsync"/> for members who chose to be named.
/// </summary>
public sealed class ConsultationAdministration(AppDbContext db, ConsultationMail mail, AuditLog audit, TimeProvider clock)
{
    public const string CreateAction = "consultation.create";
    public const string EditAction = "consultation.edit";
    public const string AddQuestionAction = "consultation.question-add";
    public const string RemoveQuestionAction = "consultation.question-remove";
    public const string MoveQuestionAction = "consultation.question-move";
    public const string RequiredAction = "consultation.question-required";
    public const string OpenAction = "consultation.open";
    public const string CloseAction = "consultation.close";
    public const string PublishAction = "consultation.publish";
    public const string RevisePublicationAction = "consultation.publication-revise";
    public const string NamedViewAction = "consultation.named-answers-view";

    public static string Subject(Guid consultationId) => $"consultation:{consultationId}";

    public async Task<IReadOnlyList<ConsultationListing>> ListAsync(CancellationToken cancellationToken) =>
        await db.Consultations.AsNoTracking()
            .OrderBy(c => c.Status).ThenByDescending(c => c.Deadline)
            .Select(c => new ConsultationListing(
                c.Id,
                c.Title,
                c.Institution,
                c.Status,
                c.Mode,
                c.Deadline,
                c.Questions.Count,
                db.ConsultationResponses.Count(r => r.ConsultationId == c.Id && r.SubmittedAt != null)))
            .ToListAsync(cancellationToken);

    /// <summary>The consultation with its questions in order, untracked; null when there is none.</summary>
    public Task<Consultation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Consultations.AsNoTracking().Include(c => c.Questions.OrderBy(q => q.Position)).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>How many members submitted answers (drafts do not count): the one figure staff see while it is open.</summary>
    public Task<int> SubmittedCountAsync(Guid id, CancellationToken cancellationToken) =>
        db.ConsultationResponses.CountAsync(r => r.ConsultationId == id && r.SubmittedAt != null, cancellationToken);

    public async Task<Guid> CreateAsync(ConsultationDetails details, Actor actor, CancellationToken cancellationToken)
    {
        await CheckAudienceAsync(details, cancellationToken);
        var consultation = Consultation.Create(details, actor, clock.GetUtcNow());
        db.Consultations.Add(consultation);
        audit.Record(actor, CreateAction, Subject(consultation.Id), $"{details.Mode}, deadline {details.Deadline:u}");
        await db.SaveChangesAsync(cancellationToken);
        return consultation.Id;
    }

    public async Task EditAsync(Guid id, ConsultationDetails details, Actor actor, CancellationToken cancellationToken)
    {
        await CheckAudienceAsync(details, cancellationToken);
        var consultation = await LoadAsync(id, cancellationToken);
        consultation.Edit(details, clock.GetUtcNow());
        await SaveAsync(consultation, actor, EditAction, $"{details.Mode}, deadline {details.Deadline:u}", cancellationToken);
    }

    public async Task<Guid> AddQuestionAsync(Guid id, QuestionKind kind, string prompt, IReadOnlyList<string> options, bool required, Actor actor, CancellationToken cancellationToken)
    {
        var consultation = await LoadAsync(id, cancellationToken);
        var question = consultation.AddQuestion(kind, prompt, options, required);
        db.ConsultationQuestions.Add(question);
        await SaveAsync(consultation, actor, AddQuestionAction, $"Question {question.Position}: {kind}", cancellationToken);
        return question.Id;
    }

    public async Task RemoveQuestionAsync(Guid id, Guid questionId, Actor actor, CancellationToken cancellationToken)
    {
        var consultation = await LoadAsync(id, cancellationToken);
        var question = consultation.RemoveQuestion(questionId);
        db.ConsultationQuestions.Remove(question);
        await SaveAsync(consultation, actor, RemoveQuestionAction, $"Question {question.Position}", cancellationToken);
    }

    public async Task MoveQuestionAsync(Guid id, Guid questionId, bool up, Actor actor, CancellationToken cancellationToken)
    {
        var consultation = await LoadAsync(id, cancellationToken);
        var question = consultation.MoveQuestion(questionId, up);
        await SaveAsync(consultation, actor, MoveQuestionAction, $"Question now {question.Position}", cancellationToken);
    }

    public async Task MarkRequiredAsync(Guid id, Guid questionId, bool required, Actor actor, CancellationToken cancellationToken)
    {
        var consultation = await LoadAsync(id, cancellationToken);
        var question = consultation.MarkRequired(questionId, required);
        await SaveAsync(consultation, actor, RequiredAction, $"Question {question.Position}: {(required ? "required" : "optional")}", cancellationToken);
    }

    /// <summary>Opens the consultation and queues its announcement to the audience in the same save; returns how many emails.</summary>
    public async Task<int> OpenAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var consultation = await LoadAsync(id, cancellationToken);
        consultation.Open(clock.GetUtcNow());
        var announced = await mail.AnnounceAsync(consultation, cancellationToken);
        await SaveAsync(consultation, actor, OpenAction, $"Announced to {announced} members", cancellationToken);
        return announced;
    }

    public async Task CloseAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var consultation = await LoadAsync(id, cancellationToken);
        consultation.Close(clock.GetUtcNow());
        await SaveAsync(consultation, actor, CloseAction, null, cancellationToken);
    }

    /// <summary>Publishes a closed consultation, or revises the paper and response of a published one.</summary>
    public async Task PublishAsync(Guid id, string positionPaperMarkdown, string? institutionResponseMarkdown, Actor actor, CancellationToken cancellationToken)
    {
        var consultation = await LoadAsync(id, cancellationToken);
        if (consultation.Status == ConsultationStatus.Published)
        {
            consultation.RevisePublication(positionPaperMarkdown, institutionResponseMarkdown);
            await SaveAsync(consultation, actor, RevisePublicationAction, consultation.InstitutionResponseMarkdown is null ? "No response yet" : "With the institution's response", cancellationToken);
            return;
        }

        consultation.Publish(positionPaperMarkdown, institutionResponseMarkdown, clock.GetUtcNow());
        await SaveAsync(consultation, actor, PublishAction, consultation.InstitutionResponseMarkdown is null ? "No response yet" : "With the institution's response", cancellationToken);
    }

    /// <summary>
    /// The answer sets of members who chose to be named, in an attributed consultation that is closed or published;
    /// empty otherwise (an anonymous consultation has none by construction). Reading them is audited.
    /// </summary>
    public async Task<IReadOnlyList<NamedAnswerSet>> NamedAnswerSetsAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var consultation = await FindAsync(id, cancellationToken);
        if (consultation is not { Mode: ConsultationMode.Attributed, Status: ConsultationStatus.Closed or ConsultationStatus.Published })
        {
            return [];
        }

        var sets = await db.ConsultationResponses.AsNoTracking()
            .Where(r => r.ConsultationId == id && r.Named && r.SubmittedAt != null && r.MemberId != null)
            .Join(db.Users, r => r.MemberId, u => u.Id, (r, u) => new { u.FullName, u.JobTitle, u.Organisation, r.Answers })
            .OrderBy(x => x.FullName)
            .ToListAsync(cancellationToken);
        audit.Record(actor, NamedViewAction, Subject(id), $"{sets.Count} named answer sets");
        await db.SaveChangesAsync(cancellationToken);
        return [.. sets.Select(s => new NamedAnswerSet(s.FullName, s.JobTitle, s.Organisation, [.. consultation.Questions
            .Select(q => (Question: q, Answer: s.Answers.SingleOrDefault(a => a.QuestionId == q.Id)))
            .Where(x => x.Answer is not null)
            .Select(x => new NamedAnswerSet.Line(x.Question.Position, x.Question.Prompt, Describe(x.Question, x.Answer!)))]))];
    }

    /// <summary>An answer in words: the chosen options (a scale's value and label) or the text.</summary>
    public static string Describe(ConsultationQuestion question, ConsultationAnswer answer) => question.Kind switch
    {
        QuestionKind.FreeText => answer.Text ?? string.Empty,
        QuestionKind.Scale => string.Join(", ", answer.Choices.Select(c => $"{c + 1} ({question.Options[c]})")),
        _ => string.Join("; ", answer.Choices.Select(c => question.Options[c])),
    };

    private async Task<Consultation> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Consultations.Include(c => c.Questions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new ConsultationRuleException("That consultation does not exist any more.");

    private async Task SaveAsync(Consultation consultation, Actor actor, string action, string? note, CancellationToken cancellationToken)
    {
        audit.Record(actor, action, Subject(consultation.Id), note);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConsultationRuleException("Someone else changed this consultation at the same time. Look at it again and repeat your change.");
        }
    }

    private async Task CheckAudienceAsync(ConsultationDetails details, CancellationToken cancellationToken)
    {
        var knownSectors = await db.Sectors.Where(s => details.AudienceSectors.Contains(s.Code)).CountAsync(cancellationToken);
        if (knownSectors != details.AudienceSectors.Distinct().Count())
        {
            throw new ConsultationRuleException("Choose the sectors from the list.", nameof(ConsultationDetails.AudienceSectors));
        }

        var knownCountries = await db.Countries.Where(c => details.AudienceCountries.Contains(c.Code)).CountAsync(cancellationToken);
        if (knownCountries != details.AudienceCountries.Distinct().Count())
        {
            throw new ConsultationRuleException("Choose the countries from the list.", nameof(ConsultationDetails.AudienceCountries));
        }
    }
}
