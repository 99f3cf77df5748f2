namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>The switch for a channel's urgent alerts by email, on the channel page.</summary>
public sealed class AlertEmailsViewComponent(AlertEmailSettings settings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid channelId, string slug)
    {
        var byEmail = await settings.ByEmailAsync(Actor.Of(UserClaimsPrincipal).Id, channelId, HttpContext.RequestAborted);
        return byEmail is { } on ? View("~/Features/Sharing/Alerts/_AlertEmails.cshtml", (slug, on)) : Content(string.Empty);
    }
}
