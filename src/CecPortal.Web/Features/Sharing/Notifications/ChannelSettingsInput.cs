using CecPortal.Web.Features.Sharing.Channels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CecPortal.Web.Features.Sharing.Notifications;

/// <summary>
/// A member's settings form for one channel, as posted (kept as typed so that a refused form shows it again) or as
/// saved. Field names are plain (<c>notify</c>, <c>muted</c>, <c>urgentAlertsByEmail</c>) so that the channel page's
/// topic form, bound on the same page, never sees them.
/// </summary>
public sealed class ChannelSettingsInput
{
    public const string NotifyField = "notify";
    public const string MutedField = "muted";
    public const string UrgentAlertsField = "urgentAlertsByEmail";

    /// <summary>The value a ticked checkbox posts; an unticked one posts nothing.</summary>
    public const string Ticked = "true";

    public string? Notify { get; init; }

    public string? Muted { get; init; }

    public string? UrgentAlertsByEmail { get; init; }

    public bool IsMuted => Muted == Ticked;

    public bool WantsUrgentAlertsByEmail => UrgentAlertsByEmail == Ticked;

    public static ChannelSettingsInput From(ChannelSummary channel) => new()
    {
        Notify = channel.Notify.ToString(),
        Muted = channel.Muted ? Ticked : null,
        UrgentAlertsByEmail = channel.UrgentAlertsByEmail ? Ticked : null,
    };

    /// <summary>The level chosen, or null with a model-state error for each field that holds something no form offers.</summary>
    public NotifyLevel? Read(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (Muted is not (null or Ticked))
        {
            modelState.AddModelError(MutedField, "Tick the box to mute the channel, or leave it clear.");
        }

        if (UrgentAlertsByEmail is not (null or Ticked))
        {
            modelState.AddModelError(UrgentAlertsField, "Tick the box to receive urgent alerts by email, or leave it clear.");
        }

        // Names only: Enum.TryParse would also take "7" or "1, 2".
        var level = Enum.GetValues<NotifyLevel>().Where(l => l.ToString() == Notify).Select(l => (NotifyLevel?)l).FirstOrDefault();
        if (level is null)
        {
            modelState.AddModelError(NotifyField, "Choose what should notify you: every message, mentions and replies, or nothing.");
        }

        return modelState.IsValid ? level : null;
    }
}
