namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>
/// The active urgent alerts pinned at the top of a page: a channel's (<c>channelId</c> given) or every channel the signed-in
/// member reads (home). Nothing for a visitor. Read on each page load: no live update.
/// </summary>
public sealed class PinnedAlertsViewComponent(UrgentAlerts alerts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid? channelId)
    {
        if (UserClaimsPrincipal.Identity?.IsAuthenticated != true)
        {
            return Content(string.Empty);
        }

        var pinned = await alerts.PinnedAsync(Actor.Of(UserClaimsPrincipal).Id, channelId, HttpContext.RequestAborted);
        return pinned.Count == 0 ? Content(string.Empty) : View("~/Features/Sharing/Alerts/_PinnedAlerts.cshtml", pinned);
    }
}
