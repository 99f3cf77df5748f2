using CecPortal.Web.Features.Sharing.Topics;

namespace CecPortal.Web.Features.Sharing;

/// <summary>A new topic: its subject and its first message.</summary>
public sealed class TopicInput : MessageInput
{
    [Required(ErrorMessage = "Give the topic a subject.")]
    [StringLength(Topic.MaxSubjectLength, ErrorMessage = "The subject may have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Subject")]
    public string? Subject { get; set; }
}
