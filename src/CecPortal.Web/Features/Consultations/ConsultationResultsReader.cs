using System.Text;
using CecPortal.Web.Features.Consultations.Results;
using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Consultations;

/// <summary>
/// A consultation's published results: the identity-free answer sets of <see cref="ConsultationResultsInput"/> put
/// through the anonymity rule of <see cref="ConsultationResults"/>, with k = <c>Consultations__MinGroupSize</c> and the
/// consultation's own random seed for the order of free text. Only a closed or published consultation has results:
/// figures drawn while answers still arrive could be subtracted from later ones. Every page and file that shows results
/// (staff results, the CSV, the position paper, the members' published view) takes them from here, so none can show
/// a group the rule left out.
/// </summary>
public sealed class ConsultationResultsReader(ConsultationResultsInput input, AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string ExportAction = "consultation.results-export";

    /// <summary>UTF-8 with a byte order mark, so that a spreadsheet reads accented names correctly (as the member export).</summary>
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public sealed record CsvFile(byte[] Content, string FileName);

    /// <summary>The results of a closed or published consultation; null for any other, or none.</summary>
    public async Task<ResultsReport?> ReadAsync(Guid consultationId, CancellationToken cancellationToken)
    {
        var loaded = await input.LoadAsync(consultationId, cancellationToken);
        return loaded is null ? null : Compute(loaded);
    }

    /// <summary>
    /// The results as CSV (the same groups as the page) for staff, with an audit entry saying that they left the portal;
    /// null when the consultation has no results.
    /// </summary>
    public async Task<CsvFile?> ExportCsvAsync(Guid consultationId, Actor actor, CancellationToken cancellationToken)
    {
        var report = await ReadAsync(consultationId, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var text = ResultsCsv.Write(report);
        var preamble = Utf8WithBom.GetPreamble();
        var content = new byte[preamble.Length + Utf8WithBom.GetByteCount(text)];
        preamble.CopyTo(content, 0);
        Utf8WithBom.GetBytes(text, 0, text.Length, content, preamble.Length);

        // The note says what the file holds in the terms of the page (never a figure below k): the rule, not the answers.
        audit.Record(actor, ExportAction, ConsultationAdministration.Subject(consultationId),
            report.HasFigures ? $"Aggregated results as CSV, groups of at least {report.MinGroupSize}" : $"Aggregated results as CSV: fewer than {report.MinGroupSize} respondents, no figures");
        await db.SaveChangesAsync(cancellationToken);
        var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CsvFile(content, $"cec-consultation-results-{day}.csv");
    }

    /// <summary>The engine's call on what the loader read.</summary>
    public static ResultsReport Compute(ConsultationResultsInput.Input loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return ConsultationResults.Compute(loaded.Questions, loaded.Responses, loaded.MinGroupSize, loaded.Seed, loaded.CountryName, loaded.SectorName);
    }
}
