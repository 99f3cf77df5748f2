using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>Marking a session as held, with the link to its recording when there is one.</summary>
public sealed class HeldForm
{
    [StringLength(WebinarLimits.Url, ErrorMessage = "A link has at most {1} characters.")]
    [WebLink]
    [Display(Name = "Recording link")]
    public string? RecordingLink { get; set; }

    public uint? Version { get; set; }
}
