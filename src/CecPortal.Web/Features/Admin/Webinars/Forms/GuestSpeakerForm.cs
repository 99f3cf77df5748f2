using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>An external guest speaker.</summary>
public sealed class GuestSpeakerForm
{
    [Required(ErrorMessage = "Enter the guest's name.")]
    [StringLength(WebinarLimits.GuestName, ErrorMessage = "A name has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Guest's name")]
    public string Name { get; set; } = string.Empty;

    [StringLength(WebinarLimits.GuestName, ErrorMessage = "An organisation has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Organisation")]
    public string? Organisation { get; set; }
}
