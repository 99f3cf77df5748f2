using CecPortal.Web.Features.Sharing.Topics;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// A message's permalink: the page of its topic that shows it, anchored on the message; a 404 when the member may not
/// read it. Pages that act on a message (seen it too, report, alert, edit) come back here, so the message is found
/// however long its topic has grown.
/// </summary>
public sealed class MessageModel(TopicReader reader) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid messageId, CancellationToken cancellationToken) =>
        await reader.PlaceOfAsync(Actor.Of(User).Id, messageId, cancellationToken) is { } place
            ? RedirectToPage("/Sharing/Topic", pageHandler: null, routeValues: new { topicId = place.TopicId, before = place.Before }, fragment: SharingPaths.Anchor(messageId))
            : NotFound();
}
