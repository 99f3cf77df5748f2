using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>Declining a talk: the member is told why.</summary>
public sealed class DeclineProposalForm
{
    [Required(ErrorMessage = "Give the member a short note on why the talk is declined.")]
    [StringLength(WebinarLimits.Note, ErrorMessage = "The note has at most {1} characters.")]
    [PlainText(AllowLineBreaks = true)]
    [Display(Name = "Note to the member")]
    public string? Note { get; set; }
}
