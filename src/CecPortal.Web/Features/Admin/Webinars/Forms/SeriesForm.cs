using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CecPortal.Web.Features.Admin.Webinars.Forms;

/// <summary>The series form: its title, the monthly rule and the capacity new sessions get.</summary>
public sealed class SeriesForm
{
    [Required(ErrorMessage = "Give the series a title.")]
    [StringLength(WebinarLimits.Title, ErrorMessage = "A title has at most {1} characters.")]
    [PlainText]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose the week of the month.")]
    [Display(Name = "Week of the month")]
    public WeekOfMonth? Week { get; set; } = WeekOfMonth.Second;

    [Required(ErrorMessage = "Choose a day of the week.")]
    [Display(Name = "Day")]
    public DayOfWeek? DayOfWeek { get; set; } = System.DayOfWeek.Tuesday;

    [Required(ErrorMessage = "Enter the start time, e.g. 15:00.")]
    [Display(Name = "Start time")]
    public TimeOnly? StartTime { get; set; } = new(15, 0);

    [Required(ErrorMessage = "Choose a time zone, e.g. Europe/Brussels.")]
    [Display(Name = "Time zone")]
    public string? TimeZoneId { get; set; } = MemberTimeZones.Fallback;

    [Required(ErrorMessage = "Enter the duration in minutes.")]
    [Display(Name = "Duration (minutes)")]
    public int? DurationMinutes { get; set; } = 60;

    [Required(ErrorMessage = "Enter the number of places.")]
    [Range(1, WebinarLimits.MaxCapacity, ErrorMessage = "The capacity must be between {1} and {2}.")]
    [Display(Name = "Places per session")]
    public int? DefaultCapacity { get; set; } = 60;

    public static SeriesForm From(WebinarSeries series) => new()
    {
        Title = series.Title,
        Week = series.Week,
        DayOfWeek = series.DayOfWeek,
        StartTime = series.StartTime,
        TimeZoneId = series.TimeZoneId,
        DurationMinutes = series.DurationMinutes,
        DefaultCapacity = series.DefaultCapacity,
    };

    /// <summary>
    /// Builds the rule when the fields are filled; otherwise adds the rule's own messages to the fields they concern
    /// (under <paramref name="prefix"/>) and returns null.
    /// </summary>
    public SeriesRule? ToRule(ModelStateDictionary modelState, string prefix)
    {
        if (Week is not { } week || DayOfWeek is not { } day || StartTime is not { } start || DurationMinutes is not { } minutes)
        {
            return null;
        }

        if (SeriesRule.TryCreate(week, day, start, TimeZoneId, TimeSpan.FromMinutes(minutes), out var rule, out var errors))
        {
            return rule;
        }

        foreach (var error in errors)
        {
            var field = error.Field == nameof(SeriesRule.Duration) ? nameof(DurationMinutes) : error.Field;
            modelState.AddModelError($"{prefix}.{field}", error.Message);
        }

        return null;
    }
}
