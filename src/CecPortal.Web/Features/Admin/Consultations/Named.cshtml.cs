using CecPortal.Web.Features.Consultations;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>
/// In an attributed consultation, once closed: the answer sets of the members who chose to be named, for the
/// institution that asked for named experts. Anonymous consultations (and unnamed answer sets) have no such page.
/// Opening it is audited.
/// </summary>
public sealed class NamedModel(ConsultationAdministration administration) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;

    public IReadOnlyList<NamedAnswerSet> AnswerSets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var consultation = await administration.FindAsync(id, cancellationToken);
        if (consultation is not { Mode: ConsultationMode.Attributed, Status: ConsultationStatus.Closed or ConsultationStatus.Published })
        {
            return NotFound();
        }

        Consultation = consultation;
        AnswerSets = await administration.NamedAnswerSetsAsync(id, Actor.Of(User), cancellationToken);
        return Page();
    }
}
