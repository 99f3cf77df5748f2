using CecPortal.Web.Features.Sharing.Channels;

namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>The channel page's "urgent alerts by email" switch; a channel the member may not read is a 404.</summary>
public sealed class AlertEmailsModel(ChannelDirectory directory, AlertEmailSettings settings) : PageModel
{
    public IActionResult OnGet(string slug) => RedirectToPage("/Sharing/Channel", new { slug });

    public async Task<IActionResult> OnPostAsync(string slug, bool byEmail, CancellationToken cancellationToken)
    {
        var userId = Actor.Of(User).Id;
        if (await directory.FindAsync(userId, slug, cancellationToken) is not { } channel)
        {
            return NotFound();
        }

        try
        {
            await settings.ChangeAsync(userId, channel.Id, byEmail, cancellationToken);
            TempData.SetStatusMessage(byEmail ? "You will get this channel's urgent alerts by email." : "You will no longer get this channel's urgent alerts by email; they stay pinned on the portal.");
        }
        catch (SharingRuleException ex)
        {
            TempData.SetStatusMessage(ex.Message);
        }

        return RedirectToPage("/Sharing/Channel", new { slug });
    }
}
