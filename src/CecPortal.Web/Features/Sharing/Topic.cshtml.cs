using CecPortal.Web.Features.Sharing.Live;
using CecPortal.Web.Features.Sharing.Topics;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// One topic: its messages oldest first, a reply box, and edit and delete for the author. Opening it marks it read up
/// to the newest message shown. A topic the member may not read is a 404, whether it exists or not.
/// </summary>
public sealed class TopicModel(TopicReader reader, ReadState reads, MessageWriter writer, LiveDispatcher live) : PageModel
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
        LiveAfter = Before is null ? await live.CurrentAsync(cancellationToken) : null;
        if (!await LoadAsync(topicId, cancellationToken))
        {
            return NotFound();
        }

        // An earlier page marks nothing read: the newest messages have not been shown.
        if (Before is not null)
        {
            return Page();
        }

        await reads.MarkTopicReadAsync(Actor.Of(User).Id, topicId, Messages.Count == 0 ? 0 : Messages[^1].Seq, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid topicId, CancellationToken cancellationToken)
    {
        // The messages are read only when the form is shown again: a reply that saves goes straight to the redirect.
        if (!await FindTopicAsync(topicId, cancellationToken))
        {
            return NotFound();
        }

        var tlp = Input.ParseTlp(ModelState, nameof(Input), Topic.ChannelTlp);
        if (!ModelState.IsValid || tlp is not { } label)
        {
            await LoadAsync(topicId, cancellationToken);
            return Page();
        }

        try
        {
            var posted = await writer.ReplyAsync(Actor.Of(User).Id, topicId, Input.Body!, label, cancellationToken);
            return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { topicId }, fragment: SharingPaths.Anchor(posted.MessageId));
        }
        catch (SharingRuleException ex)
        {
            ModelState.AddModelError(ex.Field is null ? string.Empty : $"{nameof(Input)}.{ex.Field}", ex.Message);
            await LoadAsync(topicId, cancellationToken);
            return Page();
        }
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

    private async Task<bool> LoadAsync(Guid topicId, CancellationToken cancellationToken)
    {
        if (!await FindTopicAsync(topicId, cancellationToken))
        {
            return false;
        }

        var page = await reader.MessagesAsync(Actor.Of(User).Id, topicId, Before, cancellationToken);
        Messages = page.Messages;
        HasEarlier = page.HasEarlier;
        return true;
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
