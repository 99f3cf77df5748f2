using Npgsql;

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// What members do: see the consultations they are invited to, save a draft, submit, and change their answers until
/// the deadline. Only active members in the audience answer, once each (a unique key backs the rule). Nothing here is
/// audited: the audit log records staff actions, and an entry per answer would join a member to a consultation.
/// </summary>
public sealed class ConsultationAnswering(AppDbContext db, ConsultationAudience audience, TimeProvider clock)
{
    private const string UniqueViolation = "23505";

    /// <summary>The open consultations the person is invited to (every open one for staff, who answer none) and the published ones.</summary>
    public async Task<IReadOnlyList<ConsultationSummary>> ListAsync(string userId, bool isStaff, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var profile = await ProfileAsync(userId, cancellationToken);
        var sector = profile?.SectorCode;
        var country = profile?.CountryCode;
        var member = profile is not null;
        return await db.Consultations.AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Published
                || (c.Status == ConsultationStatus.Open && c.Deadline > now
                    && (isStaff
                        || (member
                            && (c.AudienceSectors.Count == 0 || (sector != null && c.AudienceSectors.Contains(sector)))
                            && (c.AudienceCountries.Count == 0 || (country != null && c.AudienceCountries.Contains(country)))))))
            .OrderBy(c => c.Status).ThenBy(c => c.Deadline).ThenByDescending(c => c.PublishedAt)
            .Select(c => new ConsultationSummary(
                c.Id,
                c.Title,
                c.Institution,
                c.Act,
                c.Status,
                c.Deadline,
                c.PublishedAt,
                db.ConsultationResponses.Count(r => r.ConsultationId == c.Id && r.SubmittedAt != null),
                db.ConsultationResponses.Any(r => r.ConsultationId == c.Id && r.MemberId == userId && r.SubmittedAt == null),
                db.ConsultationResponses.Any(r => r.ConsultationId == c.Id && r.MemberId == userId && r.SubmittedAt != null)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The consultation as the person may see it, or null: drafts are no one's; an open or closed consultation is seen
    /// by those it invites and by staff; a published one by everyone in the community.
    /// </summary>
    public async Task<MemberConsultation?> FindAsync(Guid id, string userId, bool isStaff, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking()
            .Include(c => c.Questions.OrderBy(q => q.Position))
            .SingleOrDefaultAsync(c => c.Id == id && c.Status != ConsultationStatus.Draft, cancellationToken);
        if (consultation is null)
        {
            return null;
        }

        var invited = await audience.InvitesAsync(consultation, userId, cancellationToken);
        if (!invited && !isStaff && consultation.Status != ConsultationStatus.Published)
        {
            return null;
        }

        var mine = await db.ConsultationResponses.AsNoTracking().Include(r => r.Answers)
            .SingleOrDefaultAsync(r => r.ConsultationId == id && r.MemberId == userId, cancellationToken);
        var submitted = await db.ConsultationResponses.CountAsync(r => r.ConsultationId == id && r.SubmittedAt != null, cancellationToken);
        return new MemberConsultation(consultation, mine, submitted, invited, invited && consultation.AcceptsAnswersAt(clock.GetUtcNow()));
    }

    /// <summary>
    /// Saves the member's answers as a draft (<paramref name="submit"/> false) or submits them. Refused after the
    /// deadline (a draft saved before stays as it was), for anyone the consultation does not invite, and, on submit,
    /// while a required question is unanswered.
    /// </summary>
    public async Task SaveAsync(Guid id, string userId, IReadOnlyList<GivenAnswer> given, bool named, bool submit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Questions)
            .SingleOrDefaultAsync(c => c.Id == id && c.Status != ConsultationStatus.Draft, cancellationToken)
            ?? throw new ConsultationRuleException("That consultation is not open.");
        if (!consultation.AcceptsAnswersAt(now))
        {
            throw new ConsultationRuleException(consultation.Status == ConsultationStatus.Open
                ? $"The deadline passed on {consultation.Deadline.UtcDateTime:d MMMM yyyy, HH:mm} UTC: answers are no longer accepted. Any draft you saved before is kept as it was."
                : "This consultation is closed: answers are no longer accepted. Any draft you saved before is kept as it was.");
        }

        var profile = await ProfileAsync(userId, cancellationToken);
        if (profile is null || !await audience.InvitesAsync(consultation, userId, cancellationToken))
        {
            throw new ConsultationRuleException("This consultation is for other members (its audience is chosen by sector and country): your answers cannot be taken.");
        }

        var answers = Check(consultation, given, submit);
        var keepName = named && consultation.Mode == ConsultationMode.Attributed;
        var response = await db.ConsultationResponses.Include(r => r.Answers)
            .SingleOrDefaultAsync(r => r.ConsultationId == id && r.MemberId == userId, cancellationToken);
        if (response is null)
        {
            response = ConsultationResponse.Start(id, userId, now);
            db.ConsultationResponses.Add(response);
        }

        if (submit)
        {
            response.Submit(answers, keepName, profile.CountryCode, profile.SectorCode, now);
        }
        else
        {
            response.SaveDraft(answers, keepName, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            throw new ConsultationRuleException("Your answers were saved from another window at the same moment. Open the consultation again to see what is stored.");
        }
    }

    private static List<ConsultationAnswer> Check(Consultation consultation, IReadOnlyList<GivenAnswer> given, bool submit)
    {
        if (given.Any(g => consultation.Questions.All(q => q.Id != g.QuestionId)))
        {
            throw new ConsultationRuleException("The questions changed while you were answering. Open the consultation again.");
        }

        var answers = new List<ConsultationAnswer>();
        var missing = new List<int>();
        foreach (var question in consultation.Questions.OrderBy(q => q.Position))
        {
            var mine = given.FirstOrDefault(g => g.QuestionId == question.Id);
            var answer = mine is null ? null : ConsultationAnswer.To(question, mine.Choices, mine.Text);
            if (answer is not null)
            {
                answers.Add(answer);
            }
            else if (question.Required)
            {
                missing.Add(question.Position);
            }
        }

        if (submit && missing.Count > 0)
        {
            // Under the first unanswered question: the error summary links to it.
            throw new ConsultationRuleException(
                missing.Count == 1
                    ? $"Question {missing[0]} needs an answer before you submit. You can save a draft meanwhile."
                    : $"Questions {string.Join(", ", missing)} need an answer before you submit. You can save a draft meanwhile.",
                AnswerForm.QuestionField(missing[0]));
        }

        return answers;
    }

    private async Task<MemberProfile?> ProfileAsync(string userId, CancellationToken cancellationToken) =>
        await db.UsersInRole(Roles.Member).InGoodStanding().AsNoTracking()
            .Where(u => u.Id == userId && u.ErasedAt == null)
            .Select(u => new MemberProfile(u.CountryCode, u.SectorCode))
            .SingleOrDefaultAsync(cancellationToken);

    private sealed record MemberProfile(string? CountryCode, string? SectorCode);
}
