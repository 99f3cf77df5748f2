using CecPortal.Web.Features.Sharing.Topics;

namespace CecPortal.Web.Features.Sharing;

/// <summary>A message's permalink: the topic page, anchored on the message; a 404 when the member may not read it.</summary>
public sealed class MessageModel(TopicReader reader) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid messageId, CancellationToken cancellationToken) =>
        await reader.TopicOfAsync(Actor.Of(User).Id, messageId, cancellationToken) is { } topicId
            ? RedirectToPage("/Sharing/Topic", pageHandler: null, routeValues: new { topicId }, fragment: SharingPaths.Anchor(messageId))
            : NotFound();
}
