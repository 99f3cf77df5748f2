using CecPortal.Web.Features.Consultations.Results;

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// Loads what the results engine needs and nothing that identifies anyone: the questions, and for each submitted
/// answer set only the country and sector copied at submission and the answers. No member id, name, time or response id
/// leaves the query, so no results page, CSV or paper built from it can join a member to an answer. Results exist only
/// once the consultation is closed: two snapshots taken while answers arrive could be subtracted from each other.
/// In an attributed consultation the answer sets whose members chose to be named are left out: staff read them by name
/// on the named page, and subtracting them from figures that included them would single out the few who answered
/// without a name (a group of five with four named is one person's answers). The results are those of the members who
/// answered without their name, under the same k-anonymity.
/// </summary>
public sealed class ConsultationResultsInput(AppDbContext db, IOptions<ConsultationOptions> options)
{
    /// <summary>Stands in for a profile without a country or sector, so such answers still count (in their own group).</summary>
    public const string NotStated = "";

    /// <summary>The engine's input for a closed or published consultation; null for any other (or none).</summary>
    public async Task<Input?> LoadAsync(Guid consultationId, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking()
            .Where(c => c.Id == consultationId && (c.Status == ConsultationStatus.Closed || c.Status == ConsultationStatus.Published))
            .Select(c => new { c.ResultsSeed })
            .SingleOrDefaultAsync(cancellationToken);
        if (consultation is null)
        {
            return null;
        }

        var questions = await db.ConsultationQuestions.AsNoTracking()
            .Where(q => q.ConsultationId == consultationId)
            .OrderBy(q => q.Position)
            .Select(q => new ResultQuestion(q.Id, q.Position, q.Prompt, q.Kind, q.Options))
            .ToListAsync(cancellationToken);

        // Ordered by country and sector, then by the answers' random ids: nothing in the order follows submission.
        var rows = await db.ConsultationResponses.AsNoTracking()
            .Where(r => r.ConsultationId == consultationId && r.SubmittedAt != null && !r.Named)
            .OrderBy(r => r.CountryCode).ThenBy(r => r.SectorCode).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.CountryCode,
                r.SectorCode,
                Answers = r.Answers.Select(a => new { a.QuestionId, a.Choices, a.Text }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var responses = rows
            .Select(r => new ResultResponse(
                r.CountryCode?.Trim() ?? NotStated,
                r.SectorCode ?? NotStated,
                r.Answers.ToDictionary(a => a.QuestionId, a => new ResultAnswer(a.Choices, a.Text))))
            .ToList();

        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code.Trim(), c => c.Name, StringComparer.Ordinal, cancellationToken);
        var sectors = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, StringComparer.Ordinal, cancellationToken);
        return new Input(questions, responses, options.Value.MinGroupSize, consultation.ResultsSeed, countries, sectors);
    }

    /// <summary>The engine's arguments, in the order <c>ConsultationResults.Compute</c> takes them.</summary>
    public sealed record Input(
        IReadOnlyList<ResultQuestion> Questions,
        IReadOnlyList<ResultResponse> Responses,
        int MinGroupSize,
        int Seed,
        IReadOnlyDictionary<string, string> CountryNames,
        IReadOnlyDictionary<string, string> SectorNames)
    {
        public string CountryName(string code) => code == NotStated ? "Country not stated" : CountryNames.GetValueOrDefault(code, code);

        public string SectorName(string code) => code == NotStated ? "Sector not stated" : SectorNames.GetValueOrDefault(code, code);
    }
}
