using CecPortal.Web.Features.Consultations;
using CecPortal.Web.Features.Consultations.Results;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>
/// A consultation's results for staff, once it is closed: charts and tables through the anonymity rule, the CSV and
/// the position paper a link away. While it is open the page gives the number of submissions and nothing else, because
/// two views taken as answers arrive could be subtracted from each other. A draft has no results page.
/// </summary>
public sealed class ResultsModel(ConsultationAdministration administration, ConsultationResultsReader reader) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;

    /// <summary>The results; null while the consultation is open.</summary>
    public ResultsReport? Report { get; private set; }

    public int Submitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var consultation = await administration.FindAsync(id, cancellationToken);
        if (consultation is null || consultation.Status == ConsultationStatus.Draft)
        {
            return NotFound();
        }

        Consultation = consultation;
        if (consultation.Status == ConsultationStatus.Open)
        {
            Submitted = await administration.SubmittedCountAsync(id, cancellationToken);
        }
        else
        {
            Report = await reader.ReadAsync(id, cancellationToken);
        }

        return Page();
    }
}
