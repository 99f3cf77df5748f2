namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>Cancelling needs an explicit tick, so a stray click cannot cancel a session everyone registered for.</summary>
public sealed class CancelForm
{
    [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to confirm that the session is cancelled for everyone.")]
    [Display(Name = "Yes, cancel this session and tell everyone registered")]
    public bool Confirmed { get; set; }

    public uint? Version { get; set; }
}
