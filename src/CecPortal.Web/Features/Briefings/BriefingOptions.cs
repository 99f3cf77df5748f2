using System.ComponentModel.DataAnnotations;

namespace CecPortal.Web.Features.Briefings;

/// <summary>The morning briefing's schedule and fan-out settings (section <c>Briefings</c>).</summary>
public sealed class BriefingOptions
{
    public const string Section = "Briefings";

    /// <summary>Cron expression of the morning job, in <see cref="TimeZone"/>.</summary>
    [Required]
    public string SendCron { get; set; } = "0 7 * * *";

    /// <summary>IANA time zone of the send time and of "today's" edition date.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Brussels";

    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Today's edition date in the briefing time zone.</summary>
    public DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ResolveTimeZone()).DateTime);
}
