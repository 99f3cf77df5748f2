using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>A one-off session: title, local date and time in a zone, length and places.</summary>
public sealed class NewSessionForm
{
    [Required(ErrorMessage = "Give the session a title.")]
    [StringLength(WebinarLimits.Title, ErrorMessage = "A title has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose the date.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the start time, e.g. 15:00.")]
    [Display(Name = "Start time")]
    public TimeOnly? StartTime { get; set; } = new(15, 0);

    [Required(ErrorMessage = "Choose a time zone, e.g. Europe/Brussels.")]
    [TimeZoneId]
    [Display(Name = "Time zone")]
    public string? TimeZoneId { get; set; } = MemberTimeZones.Fallback;

    [Required(ErrorMessage = "Enter the duration in minutes.")]
    [Range(1, 480, ErrorMessage = "A session lasts between {1} and {2} minutes.")]
    [Display(Name = "Duration (minutes)")]
    public int? DurationMinutes { get; set; } = 60;

    [Required(ErrorMessage = "Enter the number of places.")]
    [Range(1, WebinarLimits.MaxCapacity, ErrorMessage = "The capacity must be between {1} and {2}.")]
    [Display(Name = "Places")]
    public int? Capacity { get; set; } = 60;
}
