using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>
/// A monthly series, e.g. "second Tuesday of each month, 15:00 Europe/Brussels, 60 minutes". The local start time and the
/// IANA zone are the truth; UTC instants are derived per occurrence, so the session stays at 15:00 Brussels time in
/// winter (14:00Z) and in summer (13:00Z). Only valid rules exist: build one with <see cref="TryCreate"/> or <see cref="Create"/>.
/// </summary>
public sealed record SeriesRule
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(8);

    private SeriesRule(WeekOfMonth week, DayOfWeek dayOfWeek, TimeOnly startTime, string timeZoneId, TimeSpan duration)
    {
        Week = week;
        DayOfWeek = dayOfWeek;
        StartTime = startTime;
        TimeZoneId = timeZoneId;
        Duration = duration;
    }

    public WeekOfMonth Week { get; }

    public DayOfWeek DayOfWeek { get; }

    /// <summary>The local wall-clock start time in <see cref="TimeZoneId"/>.</summary>
    public TimeOnly StartTime { get; }

    /// <summary>An IANA time zone id such as <c>Europe/Brussels</c>.</summary>
    public string TimeZoneId { get; }

    public TimeSpan Duration { get; }

    /// <summary>The zone of <see cref="TimeZoneId"/> (the system keeps a cache, so this is cheap).</summary>
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Every problem with the proposed rule; empty when it is valid.</summary>
    public static IReadOnlyList<SeriesRuleError> Validate(WeekOfMonth week, DayOfWeek dayOfWeek, TimeOnly startTime, string? timeZoneId, TimeSpan duration)
    {
        var errors = new List<SeriesRuleError>();
        if (!Enum.IsDefined(week))
        {
            errors.Add(new(nameof(Week), "Choose the first, second, third, fourth or last week of the month."));
        }

        if (!Enum.IsDefined(dayOfWeek))
        {
            errors.Add(new(nameof(DayOfWeek), "Choose a day of the week."));
        }

        if (startTime.Second != 0 || startTime.Millisecond != 0 || startTime.Microsecond != 0 || startTime.Nanosecond != 0)
        {
            errors.Add(new(nameof(StartTime), "The start time must be a whole minute, e.g. 15:00."));
        }

        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            errors.Add(new(nameof(TimeZoneId), "Choose a time zone, e.g. Europe/Brussels."));
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId.Trim(), out var zone) || !zone.HasIanaId)
        {
            errors.Add(new(nameof(TimeZoneId), $"'{timeZoneId.Trim()}' is not a known IANA time zone id; use one such as Europe/Brussels."));
        }

        if (duration < MinDuration || duration > MaxDuration)
        {
            errors.Add(new(nameof(Duration), "The duration must be between 1 minute and 8 hours."));
        }
        else if (duration.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            errors.Add(new(nameof(Duration), "The duration must be a whole number of minutes."));
        }

        return errors;
    }

    /// <summary>Builds the rule if it is valid; otherwise <paramref name="rule"/> is null and <paramref name="errors"/> says why.</summary>
    public static bool TryCreate(
        WeekOfMonth week,
        DayOfWeek dayOfWeek,
        TimeOnly startTime,
        string? timeZoneId,
        TimeSpan duration,
        out SeriesRule? rule,
        out IReadOnlyList<SeriesRuleError> errors)
    {
        errors = Validate(week, dayOfWeek, startTime, timeZoneId, duration);
        rule = errors.Count == 0 ? new SeriesRule(week, dayOfWeek, startTime, timeZoneId!.Trim(), duration) : null;
        return rule is not null;
    }

    /// <summary>Builds the rule or throws <see cref="ArgumentException"/> listing every problem (for values already validated).</summary>
    public static SeriesRule Create(WeekOfMonth week, DayOfWeek dayOfWeek, TimeOnly startTime, string timeZoneId, TimeSpan duration) =>
        TryCreate(week, dayOfWeek, startTime, timeZoneId, duration, out var rule, out var errors)
            ? rule!
            : throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)));

    /// <summary>The local date of the series' session in the given month.</summary>
    public DateOnly DateIn(int year, int month)
    {
        if (Week == WeekOfMonth.Last)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        var firstMatch = first.AddDays(((int)DayOfWeek - (int)first.DayOfWeek + 7) % 7);
        return firstMatch.AddDays(7 * ((int)Week - 1));
    }

    /// <summary>The UTC start of the series' session in the given month (see <see cref="WallClock.ToUtc"/> for DST gaps and overlaps).</summary>
    public DateTimeOffset StartIn(int year, int month) => WallClock.ToUtc(DateIn(year, month), StartTime, TimeZone);

    /// <summary>UTC start instants of the sessions at or after <paramref name="fromUtc"/>, in order, without end.</summary>
    public IEnumerable<DateTimeOffset> OccurrencesFrom(DateTimeOffset fromUtc)
    {
        var zone = TimeZone;
        var localFrom = TimeZoneInfo.ConvertTime(fromUtc, zone);

        // Start a month early: near a month boundary the previous month's session can still be ahead in UTC terms.
        var month = new DateOnly(localFrom.Year, localFrom.Month, 1).AddMonths(-1);
        while (month.Year < 9999)
        {
            var start = WallClock.ToUtc(DateIn(month.Year, month.Month), StartTime, zone);
            if (start >= fromUtc)
            {
                yield return start;
            }

            month = month.AddMonths(1);
        }
    }

    /// <summary>The next <paramref name="count"/> UTC start instants at or after <paramref name="fromUtc"/>.</summary>
    public IReadOnlyList<DateTimeOffset> NextOccurrences(DateTimeOffset fromUtc, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. OccurrencesFrom(fromUtc).Take(count)];
    }

    /// <summary>E.g. "Second Tuesday of each month, 15:00 Europe/Brussels, 60 minutes".</summary>
    public string Describe()
    {
        var minutes = (int)Duration.TotalMinutes;
        return $"{Week} {DayOfWeek} of each month, {StartTime:HH\\:mm} {TimeZoneId}, {minutes} {(minutes == 1 ? "minute" : "minutes")}";
    }
}
