using CecPortal.Web.Features.Sharing.Moderation;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// A member reports a message to the moderators, with a reason and an optional note. A message the member may not read
/// is a 404; their own, a deleted or a hidden one cannot be reported, and a second open report says so.
/// </summary>
public sealed class ReportModel(MessageReporting reporting) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public ReportableMessage Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid messageId, CancellationToken cancellationToken) =>
        await LoadAsync(messageId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid messageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(messageId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await reporting.ReportAsync(Actor.Of(User), messageId, Input.Reason!.Value, Input.Note, cancellationToken);
        }
        catch (SharingRuleException ex)
        {
            ModelState.AddModelError(ex.Field is null ? string.Empty : $"{nameof(Input)}.{ex.Field}", ex.Message);
            return Page();
        }

        TempData.SetStatusMessage("Thank you: your report has gone to the moderators. The message stays as it is until one of them decides.");
        return RedirectToPage("/Sharing/Message", new { messageId });
    }

    private async Task<bool> LoadAsync(Guid messageId, CancellationToken cancellationToken)
    {
        if (await reporting.FindAsync(Actor.Of(User).Id, messageId, cancellationToken) is not { } message)
        {
            return false;
        }

        Message = message;
        return true;
    }
}
