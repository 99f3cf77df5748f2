using CecPortal.Web.Features.Sharing.Topics;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// One topic: its messages oldest first, a reply box, and edit and delete for the author. Opening it marks it read up
/// to the newest message shown. A topic the member may not read is a 404, whether it exists or not.
/// </summary>
public sealed class TopicModel(TopicReader reader, ReadState reads, MessageWriter writer) : PageModel
{
    [BindProperty]
    public MessageInput Input { get; set; } = new();

    public TopicView Topic { get; private set; } = null!;

    public IReadOnlyList<MessageView> Messages { get; private set; } = [];

    /// <summary>An earlier page: the messages before this message number (null: the newest page, which alone is live).</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    /// <summary>Whether messages come before the first one shown.</summary>
    public bool HasEarlier { get; private set; }

    /// <summary>The last change before the messages were read: the live stream replays what comes after it.</summary>
    public long? LiveAfter { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid topicId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(topicId, cancellationToken) is not { } reading)
        {
            return NotFound();
        }

        // An earlier page marks nothing read (the newest messages have not been shown), nor does a page read before.
        LiveAfter = Before is null ? reading.LiveAfter : null;
        var newest = Messages.Count == 0 ? 0 : Messages[^1].Seq;
        if (Before is null && newest > reading.ReadUpTo)
        {
            await reads.MarkTopicReadAsync(Actor.Of(User).Id, topicId, newest, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid topicId, CancellationToken cancellationToken)
    {
        // The topic and its messages are read only when the form is shown again: a reply that saves goes straight to the
        // redirect (the writer checks that the member may read the topic, and takes the channel's label when none is chosen).
        var tlp = Input.ParseTlp(ModelState, nameof(Input), fallback: null);
        if (ModelState.IsValid)
        {
            try
            {
                var posted = await writer.ReplyAsync(Actor.Of(User).Id, topicId, Input.Body!, tlp, cancellationToken);
                return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { topicId }, fragment: SharingPaths.Anchor(posted.MessageId));
            }
            catch (SharingRuleException ex)
            {
                ModelState.AddModelError(ex.Field is null ? string.Empty : $"{nameof(Input)}.{ex.Field}", ex.Message);
            }
        }

        return await LoadAsync(topicId, cancellationToken) is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid topicId, Guid messageId, CancellationToken cancellationToken)
    {
        // The delete form posts no reply: only its own refusal belongs on the page.
        ModelState.Clear();
        if (!await FindTopicAsync(topicId, cancellationToken) || await reader.PlaceOfAsync(Actor.Of(User).Id, messageId, cancellationToken) is not { } place || place.TopicId != topicId)
        {
            return NotFound();
        }

        try
        {
            await writer.DeleteAsync(Actor.Of(User).Id, messageId, cancellationToken);
        }
        catch (SharingRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Before = place.Before;
            await LoadAsync(topicId, cancellationToken);
            return Page();
        }

        TempData.SetStatusMessage("Your message is deleted.");
        return RedirectToPage("/Sharing/Message", new { messageId });
    }

    private async Task<TopicReading?> LoadAsync(Guid topicId, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(Actor.Of(User).Id, topicId, Before, cancellationToken) is not { } reading)
        {
            return null;
        }

        Topic = reading.Topic;
        Messages = reading.Page.Messages;
        HasEarlier = reading.Page.HasEarlier;
        return reading;
    }

    private async Task<bool> FindTopicAsync(Guid topicId, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(Actor.Of(User).Id, topicId, cancellationToken) is not { } topic)
        {
            return false;
        }

        Topic = topic;
        return true;
    }
}
