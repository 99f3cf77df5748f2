using CecPortal.Web.Features.Sharing.Topics;

namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>
/// Raising a message to an urgent alert: a member proposes it to the moderators; a Moderator or Admin raises it at once.
/// A message the person may not read is a 404. Refusals (the rate limit, a message already raised) keep the title typed.
/// </summary>
public sealed class ProposeModel(TopicReader reader, UrgentAlerts alerts, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Give the alert a short title.")]
    [StringLength(UrgentAlert.MaxTitleLength, ErrorMessage = "The alert title is at most {1} characters.")]
    [Display(Name = "Alert title")]
    public string? Title { get; set; }

    /// <summary>True for staff: the form raises the alert instead of proposing it.</summary>
    public bool RaisesAtOnce { get; private set; }

    public Guid TopicId { get; private set; }

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
            var actor = Actor.Of(User);
            if (RaisesAtOnce)
            {
                await alerts.RaiseAsync(actor, messageId, Title!, cancellationToken);
                TempData.SetStatusMessage("The urgent alert is raised: it is pinned and emailed to the channel's members now.");
            }
            else
            {
                await alerts.ProposeAsync(actor, messageId, Title!, cancellationToken);
                TempData.SetStatusMessage("Thank you: the moderators will confirm or decline your urgent alert shortly.");
            }
        }
        catch (SharingRuleException ex)
        {
            ModelState.AddModelError(ex.Field is null ? string.Empty : nameof(Title), ex.Message);
            return Page();
        }

        return RedirectToPage("/Sharing/Message", new { messageId });
    }

    private async Task<bool> LoadAsync(Guid messageId, CancellationToken cancellationToken)
    {
        if (await reader.PlaceOfAsync(Actor.Of(User).Id, messageId, cancellationToken) is not { } place)
        {
            return false;
        }

        TopicId = place.TopicId;
        RaisesAtOnce = (await authorization.AuthorizeAsync(User, Policies.Moderation)).Succeeded;
        return true;
    }
}
