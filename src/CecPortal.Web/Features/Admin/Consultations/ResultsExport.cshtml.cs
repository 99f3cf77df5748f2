using CecPortal.Web.Features.Consultations;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>
/// The results of a closed or published consultation as a CSV download: the aggregates of the results page, with the
/// same groups, never an answer set. Each download is audited as an export.
/// </summary>
public sealed class ResultsExportModel(ConsultationResultsReader reader) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await reader.ExportCsvAsync(id, Actor.Of(User), cancellationToken);
        return file is null ? NotFound() : File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }
}
