using CecPortal.Web.Features.Consultations;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>Every consultation, with how many members submitted answers (a count, never who).</summary>
public sealed class IndexModel(ConsultationAdministration administration) : PageModel
{
    public IReadOnlyList<ConsultationListing> Consultations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Consultations = await administration.ListAsync(cancellationToken);
}
