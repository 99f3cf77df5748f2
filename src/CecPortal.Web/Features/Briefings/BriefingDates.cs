namespace CecPortal.Web.Features.Briefings;

/// <summary>The edition date as it appears in stable URLs and in the search form: ISO <c>yyyy-MM-dd</c>.</summary>
public static class BriefingDates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>The route constraint of <c>/briefings/{date}</c>; the page still parses the date (2026-02-30 matches).</summary>
    public const string RoutePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string ToRouteValue(this DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The stable address of an edition, e.g. <c>/briefings/2026-11-25</c>.</summary>
    public static string PathOf(DateOnly date) => "/briefings/" + date.ToRouteValue();

    /// <summary>How pages show an edition date, e.g. "Wednesday 25 November 2026".</summary>
    public static string ToLongText(this DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
