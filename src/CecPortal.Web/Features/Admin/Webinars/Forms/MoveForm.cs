using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>A new local date and time in the session's own zone, and its length.</summary>
public sealed class MoveForm
{
    [Required(ErrorMessage = "Choose the new date.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the new start time, e.g. 15:00.")]
    [Display(Name = "Start time")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "Enter the duration in minutes.")]
    [Range(1, 480, ErrorMessage = "A session lasts between {1} and {2} minutes.")]
    [Display(Name = "Duration (minutes)")]
    public int? DurationMinutes { get; set; }

    public uint? Version { get; set; }

    public static MoveForm From(WebinarSession session) => new()
    {
        Date = WebinarAdminText.LocalDate(session.StartsAt, session.TimeZoneId),
        StartTime = WebinarAdminText.LocalTime(session.StartsAt, session.TimeZoneId),
        DurationMinutes = (int)(session.EndsAt - session.StartsAt).TotalMinutes,
        Version = session.Version,
    };
}
