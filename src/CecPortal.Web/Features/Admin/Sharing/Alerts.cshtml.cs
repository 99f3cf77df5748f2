using CecPortal.Web.Features.Sharing;
using CecPortal.Web.Features.Sharing.Alerts;

namespace CecPortal.Web.Features.Admin.Sharing;

/// <summary>Urgent alerts for Moderators and Admins: members' proposals to confirm or decline, and active alerts to end.</summary>
public sealed class AlertsModel(UrgentAlerts alerts) : PageModel
{
    public IReadOnlyList<AlertForStaff> Proposals { get; private set; } = [];

    public IReadOnlyList<AlertForStaff> Active { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(() => alerts.ConfirmAsync(Actor.Of(User), id, cancellationToken), "The alert is confirmed: it is pinned and its emails are on their way.", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(() => alerts.DeclineAsync(Actor.Of(User), id, cancellationToken), "The proposal is declined.", cancellationToken);

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(() => alerts.EndAsync(Actor.Of(User), id, cancellationToken), "The alert is ended: it is no longer pinned.", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken)
    {
        try
        {
            await action();
        }
        catch (SharingRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData.SetStatusMessage(done);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        (Proposals, Active) = await alerts.ForStaffAsync(cancellationToken);
}
