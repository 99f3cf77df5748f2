namespace CecPortal.Web.Features.Webinars.Times;

/// <summary>
/// Turns a local wall-clock time in a time zone into a UTC instant, with one rule for the two daylight-saving
/// edge cases, so the series rule and a session moved by hand agree.
/// </summary>
public static class WallClock
{
    /// <summary>
    /// The UTC instant of <paramref name="date"/> at <paramref name="time"/> in <paramref name="zone"/>.
    /// <list type="bullet">
    /// <item>A time that does not exist (the spring-forward gap, e.g. 02:30 on the last Sunday of March in Brussels)
    /// moves forward by the length of the gap: it is read with the offset in force just before the gap, so
    /// 02:30 becomes 03:30 CEST. That is what people expect of an alarm clock, and it keeps the session's length.</item>
    /// <item>A time that occurs twice (the fall-back overlap, e.g. 02:30 on the last Sunday of October) takes the first
    /// occurrence, i.e. the larger offset (daylight time in Europe): a session is never later than the first
    /// moment the clock shows its time.</item>
    /// </list>
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);

        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            offset = OffsetJustBeforeGap(local, zone);
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Utc), TimeSpan.Zero);
    }

    /// <summary>The UTC instant shown in <paramref name="zone"/> as its local wall-clock time and offset.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone);
    }

    private static TimeSpan OffsetJustBeforeGap(DateTime local, TimeZoneInfo zone)
    {
        // Walk back to the last wall-clock minute before the gap; real gaps last an hour or two (a whole day at most).
        var before = local;
        for (var step = 0; step < 2 * 24 * 60 && zone.IsInvalidTime(before); step++)
        {
            before = before.AddMinutes(-1);
        }

        if (zone.IsInvalidTime(before))
        {
            throw new InvalidOperationException($"No valid local time found before {local:yyyy-MM-dd HH:mm} in {zone.Id}.");
        }

        // Just before a spring-forward, the later of two ambiguous offsets cannot apply; take the first instant as elsewhere.
        return zone.IsAmbiguousTime(before) ? zone.GetAmbiguousTimeOffsets(before).Max() : zone.GetUtcOffset(before);
    }
}
