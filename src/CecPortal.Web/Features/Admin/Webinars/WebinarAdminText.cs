using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Admin.Webinars;

/// <summary>How the planning pages show times and statuses.</summary>
public static class WebinarAdminText
{
    /// <summary>E.g. "Tue 9 Jun 2026, 15:00": the instant on the wall clock of <paramref name="zoneId"/>.</summary>
    public static string When(DateTimeOffset instant, string zoneId) =>
        WallClock.InZone(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The local date in the session's zone, for the move form.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, string zoneId) =>
        DateOnly.FromDateTime(WallClock.InZone(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);

    /// <summary>The local time in the session's zone, for the move form.</summary>
    public static TimeOnly LocalTime(DateTimeOffset instant, string zoneId) =>
        TimeOnly.FromDateTime(WallClock.InZone(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);

    public static string BadgeClass(this WebinarStatus status) => status switch
    {
        WebinarStatus.Planned => "text-bg-secondary",
        WebinarStatus.Confirmed => "text-bg-success",
        WebinarStatus.Cancelled => "text-bg-danger",
        WebinarStatus.Held => "text-bg-dark",
        _ => "text-bg-light",
    };

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
