using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>What members read about a session, plus its places; <see cref="Version"/> is the xmin it was loaded with.</summary>
public sealed class SessionDetailsForm
{
    [Required(ErrorMessage = "Give the session a title.")]
    [StringLength(WebinarLimits.Title, ErrorMessage = "A title has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [StringLength(WebinarLimits.Abstract, ErrorMessage = "The abstract has at most {1} characters.")]
    [MarkdownText]
    [Display(Name = "Abstract (Markdown)")]
    public string? Abstract { get; set; }

    [Required(ErrorMessage = "Choose a TLP label.")]
    [Display(Name = "TLP label")]
    public TlpLabel? Tlp { get; set; } = TlpRules.Default;

    [StringLength(WebinarLimits.Url, ErrorMessage = "A link has at most {1} characters.")]
    [WebLink]
    [Display(Name = "Meeting link")]
    public string? MeetingLink { get; set; }

    [Required(ErrorMessage = "Enter the number of places.")]
    [Range(1, WebinarLimits.MaxCapacity, ErrorMessage = "The capacity must be between {1} and {2}.")]
    [Display(Name = "Places")]
    public int? Capacity { get; set; }

    public uint? Version { get; set; }

    public static SessionDetailsForm From(WebinarSession session) => new()
    {
        Title = session.Title,
        Abstract = session.AbstractMarkdown,
        Tlp = session.Tlp,
        MeetingLink = session.MeetingLink,
        Capacity = session.Capacity,
        Version = session.Version,
    };

    public SessionDetails ToDetails() =>
        new(Title.Trim(), Abstract ?? string.Empty, Tlp ?? TlpRules.Default, MeetingLink, Capacity ?? throw new InvalidOperationException("The form has not been validated."));
}
