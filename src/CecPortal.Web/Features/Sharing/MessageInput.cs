using CecPortal.Web.Features.Sharing.Topics;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CecPortal.Web.Features.Sharing;

/// <summary>What a member types into a compose box: the Markdown text and its TLP label.</summary>
public class MessageInput
{
    [Required(ErrorMessage = "Write a message.")]
    [StringLength(Message.MaxBodyLength, ErrorMessage = "A message may have at most {1} characters.")]
    [MarkdownText]
    [Display(Name = "Message")]
    public string? Body { get; set; }

    [Display(Name = "TLP label")]
    public string? Tlp { get; set; }

    /// <summary>The chosen label, or an error under the field when the form sent something that is not a label.</summary>
    public TlpLabel? ParseTlp(ModelStateDictionary modelState, string prefix, TlpLabel? fallback)
    {
        if (string.IsNullOrWhiteSpace(Tlp))
        {
            return fallback;
        }

        if (TlpRules.TryParse(Tlp, out var label))
        {
            return label;
        }

        modelState.AddModelError($"{prefix}.{nameof(Tlp)}", "Choose one of the TLP labels offered.");
        return null;
    }
}
