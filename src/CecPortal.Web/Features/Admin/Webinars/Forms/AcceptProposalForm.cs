using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>Accepting a talk into an upcoming session.</summary>
public sealed class AcceptProposalForm
{
    [Required(ErrorMessage = "Choose the session the talk goes into.")]
    [Display(Name = "Session")]
    public Guid? SessionId { get; set; }

    [Display(Name = "Copy the talk's title and abstract into the session (only if the session has no abstract yet)")]
    public bool CopyToSession { get; set; } = true;

    [StringLength(WebinarLimits.Note, ErrorMessage = "The note has at most {1} characters.")]
    [PlainText(AllowLineBreaks = true)]
    [Display(Name = "Note to the member (optional)")]
    public string? Note { get; set; }
}
