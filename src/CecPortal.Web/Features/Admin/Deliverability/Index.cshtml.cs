using CecPortal.Web.Features.Deliverability;

namespace CecPortal.Web.Features.Admin.Deliverability;

/// <summary>Staff's "delivery problems": members whose address is marked undeliverable, and recent spam complaints.</summary>
public sealed class IndexModel(DeliveryProblems problems) : PageModel
{
    public const int PageSize = 50;

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<DeliveryProblems.UndeliverableRow> Undeliverable { get; private set; } = null!;

    public IReadOnlyList<DeliveryProblems.BounceRow> Complaints { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Undeliverable = await problems.UndeliverableAsync(PageNumber, PageSize, cancellationToken);
        Complaints = await problems.RecentComplaintsAsync(cancellationToken);
    }
}
