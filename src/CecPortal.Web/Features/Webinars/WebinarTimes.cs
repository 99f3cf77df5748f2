using System.Globalization;

namespace CecPortal.Web.Features.Webinars;

/// <summary>
/// A session's time as one reader should see it in an email: in their own zone, with the organiser's zone beside it
/// when that differs, e.g. "Tuesday 8 December 2026, 16:00–17:00 Europe/Helsinki time (15:00–16:00 Europe/Brussels,
/// the organiser's time)". Day and month names are English, like the rest of the portal's mail.
/// </summary>
public static class WebinarTimes
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Describe(DateTimeOffset startsAt, DateTimeOffset endsAt, string readerZoneId, string organiserZoneId)
    {
        var reader = TimeZoneInfo.FindSystemTimeZoneById(readerZoneId);
        var organiser = TimeZoneInfo.FindSystemTimeZoneById(organiserZoneId);
        var readerStart = WallClock.InZone(startsAt, reader);
        var readerEnd = WallClock.InZone(endsAt, reader);
        var own = $"{Day(readerStart)}, {Span(readerStart, readerEnd)} {readerZoneId} time";
        if (string.Equals(readerZoneId, organiserZoneId, StringComparison.Ordinal) || SameWallClock(startsAt, reader, organiser))
        {
            return string.Equals(readerZoneId, organiserZoneId, StringComparison.Ordinal)
                ? own
                : $"{own} (the same in {organiserZoneId}, the organiser's time)";
        }

        var organiserStart = WallClock.InZone(startsAt, organiser);
        var organiserEnd = WallClock.InZone(endsAt, organiser);
        var otherDay = organiserStart.Date != readerStart.Date ? $"{Day(organiserStart)}, " : string.Empty;
        return $"{own} ({otherDay}{Span(organiserStart, organiserEnd)} {organiserZoneId}, the organiser's time)";
    }

    private static bool SameWallClock(DateTimeOffset instant, TimeZoneInfo a, TimeZoneInfo b) =>
        a.GetUtcOffset(instant) == b.GetUtcOffset(instant);

    private static string Day(DateTimeOffset local) => local.ToString("dddd d MMMM yyyy", English);

    private static string Span(DateTimeOffset start, DateTimeOffset end) =>
        start.Date == end.Date
            ? $"{start.ToString("HH:mm", English)}–{end.ToString("HH:mm", English)}"
            : $"{start.ToString("HH:mm", English)}–{end.ToString("ddd d MMM HH:mm", English)}";
}
