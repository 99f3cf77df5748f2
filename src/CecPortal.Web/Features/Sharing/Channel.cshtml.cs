using CecPortal.Web.Features.Sharing.Alerts;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Notifications;
using CecPortal.Web.Features.Sharing.Topics;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// One channel: its topics, most recently active first, with the member's unread counts; a form to start a topic; and
/// the member's own settings (join or leave an open channel, mute, notifications, mark all read). A channel the member
/// may not read is a 404, whether it exists or not.
/// </summary>
public sealed class ChannelModel(ChannelDirectory directory, ChannelMembership membership, ReadState reads, MessageWriter writer) : PageModel
{
    /// <summary>The last change before the topics were read: the live stream replays what comes after it.</summary>
    public long LiveAfter { get; private set; }

    [BindProperty]
    public TopicInput Input { get; set; } = new();

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ChannelSummary Channel { get; private set; } = null!;

    public PageOf<TopicSummary> Topics { get; private set; } = null!;

    /// <summary>The urgent alerts pinned in this channel, read with its topics.</summary>
    public IReadOnlyList<PinnedAlert> Alerts { get; private set; } = [];

    /// <summary>The settings form: as posted when it was refused, otherwise as saved.</summary>
    public ChannelSettingsInput Settings => _postedSettings ?? ChannelSettingsInput.From(Channel);

    private ChannelSettingsInput? _postedSettings;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    /// <summary>Starts a topic with its first message.</summary>
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var tlp = Input.ParseTlp(ModelState, nameof(Input), Channel.DefaultTlp);
        if (!ModelState.IsValid || tlp is not { } label)
        {
            return Page();
        }

        try
        {
            var posted = await writer.StartTopicAsync(Actor.Of(User).Id, Channel.Id, Input.Subject!, Input.Body!, label, cancellationToken);
            TempData.SetStatusMessage("Your topic is started.");
            return RedirectToPage("/Sharing/Topic", pageHandler: null, routeValues: new { topicId = posted.TopicId }, fragment: SharingPaths.Anchor(posted.MessageId));
        }
        catch (SharingRuleException ex)
        {
            ModelState.AddModelError(ex.Field is null ? string.Empty : $"{nameof(Input)}.{ex.Field}", ex.Message);
            await LoadAsync(slug, cancellationToken);
            return Page();
        }
    }

    public Task<IActionResult> OnPostJoinAsync(string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id => membership.JoinAsync(Actor.Of(User).Id, id, cancellationToken), "You joined the channel.", cancellationToken);

    public Task<IActionResult> OnPostLeaveAsync(string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id => membership.LeaveAsync(Actor.Of(User).Id, id, cancellationToken), "You left the channel.", cancellationToken);

    /// <summary>Notification level, mute and urgent alerts by email; a value no form offers re-shows the form with a message.</summary>
    public async Task<IActionResult> OnPostSettingsAsync(string slug, string? notify, string? muted, string? urgentAlertsByEmail, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        _postedSettings = new ChannelSettingsInput { Notify = notify, Muted = muted, UrgentAlertsByEmail = urgentAlertsByEmail };
        if (_postedSettings.Read(ModelState) is not { } level)
        {
            return Page();
        }

        try
        {
            await membership.ChangeSettingsAsync(Actor.Of(User).Id, Channel.Id, _postedSettings.IsMuted, level, _postedSettings.WantsUrgentAlertsByEmail, cancellationToken);
        }
        catch (SharingRuleException ex)
        {
            ModelState.AddModelError(ChannelSettingsInput.NotifyField, ex.Message);
            return Page();
        }

        TempData.SetStatusMessage("Your settings for this channel are saved.");
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { slug }, fragment: DigestEmail.SettingsAnchor);
    }

    public Task<IActionResult> OnPostMarkReadAsync(string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id => reads.MarkChannelReadAsync(Actor.Of(User).Id, id, cancellationToken), "Everything in this channel is marked as read.", cancellationToken);

    /// <summary>A settings form posts no topic: only its own refusal belongs on the page.</summary>
    private async Task<IActionResult> ChangeAsync(string slug, Func<Guid, Task> change, string done, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await change(Channel.Id);
        }
        catch (SharingRuleException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }

        TempData.SetStatusMessage(done);
        return RedirectToPage(pageName: null, pageHandler: null, routeValues: new { slug }, fragment: null);
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await directory.PageAsync(Actor.Of(User).Id, slug, PageNumber, cancellationToken) is not { } page)
        {
            return false;
        }

        (Channel, LiveAfter, Topics, Alerts) = (page.Channel, page.LiveAfter, page.Topics, page.Alerts);
        return true;
    }
}
