using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.UnitTests.Webinars;

public sealed class SeriesRuleTests
{
    private static SeriesRule Rule(WeekOfMonth week, DayOfWeek day, int hour, int minute, string zone, int minutes = 60) =>
        SeriesRule.Create(week, day, new TimeOnly(hour, minute), zone, TimeSpan.FromMinutes(minutes));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void NextOccurrences_SecondTuesdayBrussels_StaysAt1500LocalAcrossBothDstChanges()
    {
        // Arrange
        var rule = Rule(WeekOfMonth.Second, DayOfWeek.Tuesday, 15, 0, "Europe/Brussels");

        // Act
        var starts = rule.NextOccurrences(Utc(2026, 1, 1, 0), 24);

        // Assert: 14:00Z under CET, 13:00Z under CEST (29 Mar - 25 Oct 2026, 28 Mar - 31 Oct 2027)
        starts.Count.ShouldBe(24);
        starts[2].ShouldBe(Utc(2026, 3, 10, 14));
        starts[3].ShouldBe(Utc(2026, 4, 14, 13));
        starts[9].ShouldBe(Utc(2026, 10, 13, 13));
        starts[10].ShouldBe(Utc(2026, 11, 10, 14));
        starts[14].ShouldBe(Utc(2027, 3, 9, 14));
        starts[15].ShouldBe(Utc(2027, 4, 13, 13));
        starts[21].ShouldBe(Utc(2027, 10, 12, 13));
        starts[22].ShouldBe(Utc(2027, 11, 9, 14));
        starts.ShouldAllBe(s => s.Offset == TimeSpan.Zero);
    }

    [Theory]
    [InlineData("Europe/Brussels")]
    [InlineData("Europe/Lisbon")]
    [InlineData("Europe/Helsinki")]
    public void OccurrencesFrom_TwoYears_AreAlwaysTheRuleDayAtTheLocalStartTime(string zoneId)
    {
        // Arrange
        var rule = Rule(WeekOfMonth.Second, DayOfWeek.Tuesday, 15, 0, zoneId);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        // Act
        var starts = rule.OccurrencesFrom(Utc(2026, 1, 1, 0)).TakeWhile(s => s.Year < 2028).ToList();

        // Assert
        starts.Count.ShouldBe(24);
        foreach (var start in starts)
        {
            var local = TimeZoneInfo.ConvertTime(start, zone);
            TimeOnly.FromDateTime(local.DateTime).ShouldBe(new TimeOnly(15, 0));
            local.DayOfWeek.ShouldBe(DayOfWeek.Tuesday);
            local.Day.ShouldBeInRange(8, 14);
        }

        starts.Select(s => TimeZoneInfo.ConvertTime(s, zone).Offset).Distinct().Count().ShouldBe(2);
    }

    [Theory]
    [InlineData("Europe/Brussels", 2026, 3, 29, 13)]
    [InlineData("Europe/Brussels", 2026, 10, 25, 14)]
    [InlineData("Europe/Brussels", 2027, 3, 28, 13)]
    [InlineData("Europe/Brussels", 2027, 10, 31, 14)]
    [InlineData("Europe/Lisbon", 2026, 3, 29, 14)]
    [InlineData("Europe/Lisbon", 2026, 10, 25, 15)]
    [InlineData("Europe/Lisbon", 2027, 3, 28, 14)]
    [InlineData("Europe/Lisbon", 2027, 10, 31, 15)]
    [InlineData("Europe/Helsinki", 2026, 3, 29, 12)]
    [InlineData("Europe/Helsinki", 2026, 10, 25, 13)]
    [InlineData("Europe/Helsinki", 2027, 3, 28, 12)]
    [InlineData("Europe/Helsinki", 2027, 10, 31, 13)]
    public void StartIn_LastSundayOnTheDstChangeDay_UsesTheOffsetAfterTheChange(string zoneId, int year, int month, int day, int utcHour)
    {
        // Arrange
        var rule = Rule(WeekOfMonth.Last, DayOfWeek.Sunday, 15, 0, zoneId);

        // Act
        var start = rule.StartIn(year, month);

        // Assert
        start.ShouldBe(Utc(year, month, day, utcHour));
    }

    [Theory]
    [InlineData(WeekOfMonth.Last, DayOfWeek.Friday, 2026, 1, 30)]
    [InlineData(WeekOfMonth.Fourth, DayOfWeek.Friday, 2026, 1, 23)]
    [InlineData(WeekOfMonth.Last, DayOfWeek.Friday, 2026, 2, 27)]
    [InlineData(WeekOfMonth.Fourth, DayOfWeek.Friday, 2026, 2, 27)]
    [InlineData(WeekOfMonth.Last, DayOfWeek.Friday, 2027, 2, 26)]
    [InlineData(WeekOfMonth.Last, DayOfWeek.Friday, 2027, 1, 29)]
    [InlineData(WeekOfMonth.First, DayOfWeek.Friday, 2027, 1, 1)]
    [InlineData(WeekOfMonth.Last, DayOfWeek.Tuesday, 2028, 2, 29)]
    [InlineData(WeekOfMonth.Fourth, DayOfWeek.Tuesday, 2028, 2, 22)]
    [InlineData(WeekOfMonth.Last, DayOfWeek.Saturday, 2026, 10, 31)]
    [InlineData(WeekOfMonth.Last, DayOfWeek.Sunday, 2026, 5, 31)]
    [InlineData(WeekOfMonth.First, DayOfWeek.Sunday, 2026, 2, 1)]
    [InlineData(WeekOfMonth.Second, DayOfWeek.Saturday, 2026, 2, 14)]
    [InlineData(WeekOfMonth.Third, DayOfWeek.Monday, 2027, 2, 15)]
    public void DateIn_MonthEndsAndStarts_PicksTheRightDay(WeekOfMonth week, DayOfWeek day, int year, int month, int expectedDay)
    {
        // Arrange
        var rule = Rule(week, day, 15, 0, "Europe/Brussels");

        // Act
        var date = rule.DateIn(year, month);

        // Assert
        date.ShouldBe(new DateOnly(year, month, expectedDay));
    }

    [Fact]
    public void OccurrencesFrom_LastFriday_IsTheFifthFridayWhenThereIsOne()
    {
        // Arrange
        var rule = Rule(WeekOfMonth.Last, DayOfWeek.Friday, 9, 30, "Europe/Lisbon");

        // Act
        var dates = rule.NextOccurrences(Utc(2026, 1, 1, 0), 3);

        // Assert
        dates.ShouldBe([Utc(2026, 1, 30, 9, 30), Utc(2026, 2, 27, 9, 30), Utc(2026, 3, 27, 9, 30)]);
    }

    [Theory]
    [InlineData("Europe/Brussels", 2, 30)]
    [InlineData("Europe/Lisbon", 1, 30)]
    [InlineData("Europe/Helsinki", 3, 30)]
    public void NextOccurrences_LocalTimeInSpringGapAndAutumnOverlap_MovesForwardAndTakesTheFirstInstant(string zoneId, int hour, int minute)
    {
        // Arrange: the local time falls in the one-hour gap of March and the repeated hour of October
        var rule = Rule(WeekOfMonth.Last, DayOfWeek.Sunday, hour, minute, zoneId);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        // Act
        var starts = rule.NextOccurrences(Utc(2026, 3, 1, 0), 8);

        // Assert: 29 Mar 2026 moves an hour later on the clock; 25 Oct 2026 is the first (summer-time) pass
        starts[0].ShouldBe(Utc(2026, 3, 29, 1, 30));
        TimeZoneInfo.ConvertTime(starts[0], zone).DateTime.ShouldBe(new DateTime(2026, 3, 29, hour + 1, minute, 0));
        starts[7].ShouldBe(Utc(2026, 10, 25, 0, 30));
        TimeZoneInfo.ConvertTime(starts[7], zone).DateTime.ShouldBe(new DateTime(2026, 10, 25, hour, minute, 0));
        zone.IsDaylightSavingTime(starts[7]).ShouldBeTrue();
        starts[1].ShouldBe(WallClock.ToUtc(new DateOnly(2026, 4, 26), new TimeOnly(hour, minute), zone));
    }

    [Fact]
    public void WallClock_GapAndOverlapIn2027_FollowTheSameRule()
    {
        // Arrange
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

        // Act
        var gap = WallClock.ToUtc(new DateOnly(2027, 3, 28), new TimeOnly(2, 0), brussels);
        var overlap = WallClock.ToUtc(new DateOnly(2027, 10, 31), new TimeOnly(2, 59), brussels);
        var afterOverlap = WallClock.ToUtc(new DateOnly(2027, 10, 31), new TimeOnly(3, 0), brussels);

        // Assert
        gap.ShouldBe(Utc(2027, 3, 28, 1));
        WallClock.InZone(gap, brussels).ShouldBe(new DateTimeOffset(2027, 3, 28, 3, 0, 0, TimeSpan.FromHours(2)));
        overlap.ShouldBe(Utc(2027, 10, 31, 0, 59));
        afterOverlap.ShouldBe(Utc(2027, 10, 31, 2));
    }

    [Fact]
    public void OccurrencesFrom_ExactlyAtAStart_IncludesItAndSkipsEarlierOnes()
    {
        // Arrange
        var rule = Rule(WeekOfMonth.Second, DayOfWeek.Tuesday, 15, 0, "Europe/Brussels");

        // Act
        var atStart = rule.NextOccurrences(Utc(2026, 3, 10, 14), 1);
        var justAfter = rule.NextOccurrences(Utc(2026, 3, 10, 14, 1), 1);

        // Assert
        atStart.ShouldBe([Utc(2026, 3, 10, 14)]);
        justAfter.ShouldBe([Utc(2026, 4, 14, 13)]);
    }

    [Fact]
    public void OccurrencesFrom_LastDayOfMonthLateEvening_FindsTheSessionThatIsStillAheadInUtc()
    {
        // Arrange: 23:30 Helsinki on 31 Jan 2027 is 21:30Z; asked from 20:00Z the same day
        var rule = Rule(WeekOfMonth.Last, DayOfWeek.Sunday, 23, 30, "Europe/Helsinki");

        // Act
        var next = rule.NextOccurrences(Utc(2027, 1, 31, 20), 2);

        // Assert
        next.ShouldBe([Utc(2027, 1, 31, 21, 30), Utc(2027, 2, 28, 21, 30)]);
    }

    [Fact]
    public void Describe_SecondTuesday_ReadsLikeTheIssue()
    {
        // Arrange
        var rule = Rule(WeekOfMonth.Second, DayOfWeek.Tuesday, 15, 0, "Europe/Brussels");

        // Act
        var text = rule.Describe();

        // Assert
        text.ShouldBe("Second Tuesday of each month, 15:00 Europe/Brussels, 60 minutes");
    }

    [Fact]
    public void Describe_LastFridayOneMinute_UsesTheSingular()
    {
        // Arrange
        var rule = Rule(WeekOfMonth.Last, DayOfWeek.Friday, 9, 5, "Europe/Lisbon", minutes: 1);

        // Act
        var text = rule.Describe();

        // Assert
        text.ShouldBe("Last Friday of each month, 09:05 Europe/Lisbon, 1 minute");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(480)]
    public void TryCreate_DurationAtTheLimits_IsValid(int minutes)
    {
        // Act
        var created = SeriesRule.TryCreate(WeekOfMonth.First, DayOfWeek.Monday, new TimeOnly(9, 0), " Europe/Helsinki ", TimeSpan.FromMinutes(minutes), out var rule, out var errors);

        // Assert
        created.ShouldBeTrue();
        errors.ShouldBeEmpty();
        rule!.TimeZoneId.ShouldBe("Europe/Helsinki");
        rule.Duration.ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("Europe/Brusels", "TimeZoneId", "'Europe/Brusels' is not a known IANA time zone id; use one such as Europe/Brussels.")]
    [InlineData("Romance Standard Time", "TimeZoneId", "'Romance Standard Time' is not a known IANA time zone id; use one such as Europe/Brussels.")]
    [InlineData(" ", "TimeZoneId", "Choose a time zone, e.g. Europe/Brussels.")]
    [InlineData(null, "TimeZoneId", "Choose a time zone, e.g. Europe/Brussels.")]
    public void TryCreate_BadZone_ExplainsTheProblem(string? zone, string field, string message)
    {
        // Act
        var created = SeriesRule.TryCreate(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), zone, TimeSpan.FromHours(1), out var rule, out var errors);

        // Assert
        created.ShouldBeFalse();
        rule.ShouldBeNull();
        errors.ShouldBe([new SeriesRuleError(field, message)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(481)]
    public void Validate_DurationOutOfRange_Fails(int minutes)
    {
        // Act
        var errors = SeriesRule.Validate(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromMinutes(minutes));

        // Assert
        errors.ShouldBe([new SeriesRuleError("Duration", "The duration must be between 1 minute and 8 hours.")]);
    }

    [Fact]
    public void Validate_DurationWithSeconds_Fails()
    {
        // Act
        var errors = SeriesRule.Validate(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromSeconds(90));

        // Assert
        errors.ShouldBe([new SeriesRuleError("Duration", "The duration must be a whole number of minutes.")]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Validate_OrdinalOutOfRange_Fails(int week)
    {
        // Act
        var errors = SeriesRule.Validate((WeekOfMonth)week, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromHours(1));

        // Assert
        errors.ShouldBe([new SeriesRuleError("Week", "Choose the first, second, third, fourth or last week of the month.")]);
    }

    [Fact]
    public void Validate_EverythingWrong_ListsEveryProblem()
    {
        // Act
        var errors = SeriesRule.Validate((WeekOfMonth)9, (DayOfWeek)7, new TimeOnly(15, 0, 30), "Mars/Olympus", TimeSpan.FromHours(9));

        // Assert
        errors.Select(e => e.Field).ShouldBe(["Week", "DayOfWeek", "StartTime", "TimeZoneId", "Duration"]);
    }

    [Fact]
    public void Create_Invalid_ThrowsWithTheMessages()
    {
        // Act
        var exception = Should.Throw<ArgumentException>(() => SeriesRule.Create(WeekOfMonth.First, DayOfWeek.Monday, new TimeOnly(9, 0), "Nowhere/Town", TimeSpan.FromHours(1)));

        // Assert
        exception.Message.ShouldContain("'Nowhere/Town' is not a known IANA time zone id");
    }

    [Fact]
    public void Equality_SameValues_AreEqual()
    {
        // Act
        var first = Rule(WeekOfMonth.Second, DayOfWeek.Tuesday, 15, 0, "Europe/Brussels");
        var second = Rule(WeekOfMonth.Second, DayOfWeek.Tuesday, 15, 0, "Europe/Brussels");
        var other = Rule(WeekOfMonth.Third, DayOfWeek.Tuesday, 15, 0, "Europe/Brussels");

        // Assert
        first.ShouldBe(second);
        first.ShouldNotBe(other);
    }
}
