using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.UnitTests.Webinars;

public sealed class WebinarTimeSentenceTests
{
    private static readonly DateTimeOffset WinterStart = new(2026, 12, 8, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SummerStart = new(2027, 4, 13, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sentence_ReaderInHelsinki_ShowsTheirTimeWithTheOrganisersBeside()
    {
        // Arrange
        var end = WinterStart.AddHours(1);

        // Act
        var text = WebinarTimes.Sentence(WinterStart, end, "Europe/Helsinki", "Europe/Brussels");

        // Assert
        text.ShouldBe("Tuesday 8 December 2026, 16:00–17:00 Europe/Helsinki time (15:00–16:00 Europe/Brussels, the organiser's time)");
    }

    [Fact]
    public void Sentence_ReaderInLisbonInSummer_FollowsBothZonesDaylightSaving()
    {
        // Arrange
        var end = SummerStart.AddMinutes(90);

        // Act
        var text = WebinarTimes.Sentence(SummerStart, end, "Europe/Lisbon", "Europe/Brussels");

        // Assert
        text.ShouldBe("Tuesday 13 April 2027, 14:00–15:30 Europe/Lisbon time (15:00–16:30 Europe/Brussels, the organiser's time)");
    }

    [Fact]
    public void Sentence_ReaderInTheOrganisersZone_ShowsOneTime()
    {
        // Arrange
        var end = WinterStart.AddHours(1);

        // Act
        var text = WebinarTimes.Sentence(WinterStart, end, "Europe/Brussels", "Europe/Brussels");

        // Assert
        text.ShouldBe("Tuesday 8 December 2026, 15:00–16:00 Europe/Brussels time");
    }

    [Fact]
    public void Sentence_ReaderWithTheSameClockInAnotherZone_SaysItIsTheSame()
    {
        // Arrange
        var end = WinterStart.AddHours(1);

        // Act
        var text = WebinarTimes.Sentence(WinterStart, end, "Europe/Paris", "Europe/Brussels");

        // Assert
        text.ShouldBe("Tuesday 8 December 2026, 15:00–16:00 Europe/Paris time (the same in Europe/Brussels, the organiser's time)");
    }

    [Fact]
    public void Sentence_OrganisersDateDiffers_NamesTheirDayToo()
    {
        // Arrange: 23:30 in Brussels is already 00:30 the next day in Helsinki.
        var start = new DateTimeOffset(2026, 12, 8, 22, 30, 0, TimeSpan.Zero);

        // Act
        var text = WebinarTimes.Sentence(start, start.AddHours(1), "Europe/Helsinki", "Europe/Brussels");

        // Assert
        text.ShouldBe("Wednesday 9 December 2026, 00:30–01:30 Europe/Helsinki time (Tuesday 8 December 2026, 23:30–Wed 9 Dec 00:30 Europe/Brussels, the organiser's time)");
    }
}
