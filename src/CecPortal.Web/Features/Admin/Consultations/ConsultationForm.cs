using CecPortal.Web.Features.Consultations;

namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>The consultation's details as the new and edit pages bind them. The deadline is typed in UTC, as every page shows it.</summary>
public sealed class ConsultationForm
{
    [Required(ErrorMessage = "Enter the title.")]
    [StringLength(Consultation.MaxTitleLength, ErrorMessage = "The title may have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter the institution the community answers.")]
    [StringLength(Consultation.MaxInstitutionLength, ErrorMessage = "The institution may have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Institution")]
    public string? Institution { get; set; }

    [Required(ErrorMessage = "Enter the act or call the consultation concerns.")]
    [StringLength(Consultation.MaxActLength, ErrorMessage = "The act may have at most {1} characters.")]
    [PlainText]
    [Display(Name = "Act or call")]
    public string? Act { get; set; }

    [Required(ErrorMessage = "Explain the context to the members.")]
    [StringLength(Consultation.MaxMarkdownLength, ErrorMessage = "The context may have at most {1} characters.")]
    [MarkdownText]
    [Display(Name = "Context (Markdown)")]
    public string? ContextMarkdown { get; set; }

    [Required(ErrorMessage = "Enter the deadline.")]
    [Display(Name = "Deadline (UTC)")]
    public DateTime? Deadline { get; set; }

    [Required(ErrorMessage = "Choose the mode.")]
    [Display(Name = "Mode")]
    public ConsultationMode? Mode { get; set; } = ConsultationMode.Anonymous;

    [Display(Name = "Sectors")]
    public List<string> AudienceSectors { get; set; } = [];

    [Display(Name = "Countries")]
    public List<string> AudienceCountries { get; set; } = [];

    public ConsultationDetails ToDetails() => new(
        Title ?? string.Empty,
        Institution ?? string.Empty,
        Act ?? string.Empty,
        ContextMarkdown ?? string.Empty,
        new DateTimeOffset(DateTime.SpecifyKind(Deadline!.Value, DateTimeKind.Unspecified), TimeSpan.Zero),
        Mode!.Value,
        [.. AudienceSectors.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())],
        [.. AudienceCountries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())]);

    public static ConsultationForm From(Consultation consultation) => new()
    {
        Title = consultation.Title,
        Institution = consultation.Institution,
        Act = consultation.Act,
        ContextMarkdown = consultation.ContextMarkdown,
        Deadline = consultation.Deadline.UtcDateTime,
        Mode = consultation.Mode,
        AudienceSectors = [.. consultation.AudienceSectors],
        AudienceCountries = [.. consultation.AudienceCountries],
    };
}
