namespace CecPortal.Web.Features.Webinars.Times;

/// <summary>
/// Writes session times for members. Every time carries the place name of its zone ("Helsinki", "Brussels time"), so a
/// reader can tell which clock a time belongs to; the wording does not depend on the server's culture.
/// </summary>
public static class WebinarTimes
{
    private static readonly CultureInfo Format = CultureInfo.InvariantCulture;

    public static SessionTime Describe(DateTimeOffset startUtc, string memberZoneId, string organiserZoneId)
    {
        var memberZone = TimeZoneInfo.FindSystemTimeZoneById(memberZoneId);
        var local = WallClock.InZone(startUtc, memberZone);
        var text = $"{local.ToString("ddd d MMM yyyy, HH:mm", Format)} ({PlaceName(memberZoneId)})";
        if (string.Equals(memberZoneId, organiserZoneId, StringComparison.Ordinal))
        {
            return new SessionTime(text, null, startUtc);
        }

        var organiser = WallClock.InZone(startUtc, TimeZoneInfo.FindSystemTimeZoneById(organiserZoneId));
        var organiserText = organiser.Date == local.Date
            ? $"{organiser.ToString("HH:mm", Format)} {PlaceName(organiserZoneId)} time"
            : $"{organiser.ToString("ddd d MMM, HH:mm", Format)} {PlaceName(organiserZoneId)} time";
        return new SessionTime(text, organiserText, startUtc);
    }

    /// <summary>The place an IANA zone is named after: "Europe/Helsinki" → "Helsinki", "America/Argentina/Buenos_Aires" → "Buenos Aires".</summary>
    public static string PlaceName(string zoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zoneId);
        var slash = zoneId.LastIndexOf('/');
        return zoneId[(slash + 1)..].Replace('_', ' ');
    }

    /// <summary>"Helsinki time (Europe/Helsinki)", for a select list or the note saying which zone a page uses.</summary>
    public static string ZoneLabel(string zoneId) => $"{PlaceName(zoneId)} time ({zoneId})";

    /// <summary>
    /// A session's span as one sentence for an email: in the reader's zone, with the organiser's zone beside it when that
    /// differs, e.g. "Tuesday 8 December 2026, 16:00–17:00 Europe/Helsinki time (15:00–16:00 Europe/Brussels, the
    /// organiser's time)". Day and month names are English, like the rest of the portal's mail.
    /// </summary>
    public static string Sentence(DateTimeOffset startsAt, DateTimeOffset endsAt, string readerZoneId, string organiserZoneId)
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

    private static string Day(DateTimeOffset local) => local.ToString("dddd d MMMM yyyy", Format);

    private static string Span(DateTimeOffset start, DateTimeOffset end) =>
        start.Date == end.Date
            ? $"{start.ToString("HH:mm", Format)}–{end.ToString("HH:mm", Format)}"
            : $"{start.ToString("HH:mm", Format)}–{end.ToString("ddd d MMM HH:mm", Format)}";
}
