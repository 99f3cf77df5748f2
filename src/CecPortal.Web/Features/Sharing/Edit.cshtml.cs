using CecPortal.Web.Features.Sharing.Topics;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// The author edits a message within the edit window; the previous text is kept for the moderators. A message that is
/// not the member's, is past the window, or is not readable is a 404.
/// </summary>
public sealed class EditModel(TopicReader reader, MessageWriter writer, AppDbContext db) : PageModel
{
    [BindProperty]
    public MessageInput Input { get; set; } = new();

    public TopicView Topic { get; private set; } = null!;

    public Guid MessageId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid messageId, CancellationToken cancellationToken)
    {
        if (await reader.EditableAsync(Actor.Of(User).Id, messageId, cancellationToken) is not { } message || !await LoadAsync(message, cancellationToken))
        {
            return NotFound();
        }

        Input = new MessageInput { Body = message.BodyMarkdown, Tlp = MessageTlp.Value(message.Tlp) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid messageId, CancellationToken cancellationToken)
    {
        if (await reader.EditableAsync(Actor.Of(User).Id, messageId, cancellationToken) is not { } message || !await LoadAsync(message, cancellationToken))
        {
            return NotFound();
        }

        var tlp = Input.ParseTlp(ModelState, nameof(Input), message.Tlp);
        if (!ModelState.IsValid || tlp is not { } label)
        {
            return Page();
        }

        try
        {
            var saved = await writer.EditAsync(Actor.Of(User).Id, messageId, Input.Body!, label, cancellationToken);
            TempData.SetStatusMessage("Your message is updated.");
            return RedirectToPage("/Sharing/Message", new { messageId });
        }
        catch (SharingRuleException ex)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(ex.Field is null ? string.Empty : $"{nameof(Input)}.{ex.Field}", ex.Message);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Message message, CancellationToken cancellationToken)
    {
        MessageId = message.Id;
        if (await reader.FindAsync(Actor.Of(User).Id, message.TopicId, cancellationToken) is not { } topic)
        {
            return false;
        }

        Topic = topic;
        return true;
    }
}
