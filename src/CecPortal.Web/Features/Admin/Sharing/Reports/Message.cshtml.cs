using CecPortal.Web.Features.Sharing.Moderation;

namespace CecPortal.Web.Features.Admin.Sharing.Reports;

/// <summary>
/// One reported message for a moderator: the reports with the text as each reporter saw it, the text now, its earlier
/// versions; hide or show it again, dismiss the reports, mute or unmute its author in the channel. A message nobody
/// reported is a 404: the queue is a moderator's only way to a message.
/// </summary>
public sealed class MessageModel(MessageModeration moderation) : PageModel, IReloadAfterRefusal
{
    [BindProperty(SupportsGet = true)]
    public Guid MessageId { get; set; }

    /// <summary>Why the message is hidden, for the record (the field name matches the rule's refusal).</summary>
    [BindProperty]
    [StringLength(500, ErrorMessage = "Give a reason of at most {1} characters for the record.")]
    [PlainText]
    [Display(Name = "Reason for hiding")]
    public string? HiddenReason { get; set; }

    [BindProperty]
    [Display(Name = "Mute for")]
    public TimeSpan? Duration { get; set; }

    public ModerationCase Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostHideAsync(CancellationToken cancellationToken) =>
        ActAsync(() => moderation.HideAsync(MessageId, HiddenReason ?? string.Empty, Actor.Of(User), cancellationToken), "The message is hidden; members see that a moderator hid it.", cancellationToken);

    public Task<IActionResult> OnPostUnhideAsync(CancellationToken cancellationToken) =>
        ActAsync(() => moderation.UnhideAsync(MessageId, Actor.Of(User), cancellationToken), "The message is shown again.", cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken cancellationToken) =>
        ActAsync(() => moderation.DismissAsync(MessageId, Actor.Of(User), cancellationToken), "The reports are dismissed; the message stays as it is.", cancellationToken);

    public Task<IActionResult> OnPostSilenceAsync(CancellationToken cancellationToken) =>
        ActAsync(() => moderation.SilenceAuthorAsync(MessageId, Duration ?? TimeSpan.Zero, Actor.Of(User), cancellationToken), "The author is muted in this channel: they can read it, not post.", cancellationToken);

    public Task<IActionResult> OnPostUnsilenceAsync(CancellationToken cancellationToken) =>
        ActAsync(() => moderation.UnsilenceAuthorAsync(MessageId, Actor.Of(User), cancellationToken), "The author may post in this channel again.", cancellationToken);

    public async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public static string Describe(TimeSpan duration) =>
        duration.TotalDays >= 1 ? (duration.TotalDays == 1 ? "1 day" : $"{duration.TotalDays:0} days") : (duration.TotalHours == 1 ? "1 hour" : $"{duration.TotalHours:0} hours");

    public static string Describe(ReportResolution? resolution) => resolution switch
    {
        ReportResolution.MessageHidden => "Message hidden",
        ReportResolution.Dismissed => "Dismissed",
        _ => "Open",
    };

    /// <summary>Refusals (a rule, or a validation error) re-show the page through <see cref="RuleExceptionPageFilter"/> or here.</summary>
    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await action();
        TempData.SetStatusMessage(done);
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { messageId = MessageId }, fragment: null);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await moderation.CaseAsync(MessageId, cancellationToken) is not { } found)
        {
            return false;
        }

        Case = found;
        return true;
    }
}
