namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>The breach notices sent so far, with their recipients and how far the sending got.</summary>
public sealed class IndexModel(BreachNotices notices) : PageModel
{
    public IReadOnlyList<BreachNotices.NoticeRow> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Notices = await notices.ListAsync(cancellationToken);
}
