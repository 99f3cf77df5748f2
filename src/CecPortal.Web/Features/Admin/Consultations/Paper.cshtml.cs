using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Consultations.Results;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>
/// The published position paper as it goes to the institution: the paper staff wrote, then the results with their
/// charts and tables (the same anonymity rule as every results view). It prints to PDF from the browser without the
/// portal's navigation. Only a published consultation has one; before that the paper is written on the publish page.
/// </summary>
public sealed class PaperModel(ConsultationAdministration administration, ConsultationResultsReader reader, MarkdownRenderer renderer) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;

    public string PaperHtml { get; private set; } = string.Empty;

    public ResultsReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var consultation = await administration.FindAsync(id, cancellationToken);
        if (consultation is not { Status: ConsultationStatus.Published, PositionPaperMarkdown: { } paper }
            || await reader.ReadAsync(id, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        Consultation = consultation;
        PaperHtml = renderer.Render(paper);
        Report = report;
        return Page();
    }
}
