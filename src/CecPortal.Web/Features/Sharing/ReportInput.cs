using CecPortal.Web.Features.Sharing.Moderation;

namespace CecPortal.Web.Features.Sharing;

/// <summary>What a member fills in to report a message.</summary>
public sealed class ReportInput
{
    [Required(ErrorMessage = "Choose why you report this message.")]
    [Display(Name = "Why are you reporting it?")]
    public ReportReason? Reason { get; set; }

    [StringLength(MessageReport.MaxNoteLength, ErrorMessage = "The note may have at most {1} characters.")]
    [PlainText(AllowLineBreaks = true)]
    [Display(Name = "Note for the moderators (optional)")]
    public string? Note { get; set; }
}
