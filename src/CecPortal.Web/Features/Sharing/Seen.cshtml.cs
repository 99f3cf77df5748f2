using CecPortal.Web.Features.Sharing.Sightings;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// The "seen it too" toggle of one message: a POST from the message's form, answered by a redirect back to the message
/// on its topic page, so it works without JavaScript. A message the member may not read is a 404.
/// </summary>
public sealed class SeenModel(MessageSightings sightings) : PageModel
{
    /// <summary>Someone who opens the address: the message itself.</summary>
    public IActionResult OnGet(Guid messageId) => RedirectToPage("/Sharing/Message", new { messageId });

    public async Task<IActionResult> OnPostAsync(Guid messageId, CancellationToken cancellationToken)
    {
        SightingToggle? toggled;
        try
        {
            toggled = await sightings.ToggleAsync(Actor.Of(User).Id, messageId, cancellationToken);
        }
        catch (SharingRuleException ex)
        {
            TempData.SetStatusMessage(ex.Message);
            return RedirectToPage("/Sharing/Message", new { messageId });
        }

        return toggled is null
            ? NotFound()
            : RedirectToPage("/Sharing/Message", new { messageId });
    }
}
