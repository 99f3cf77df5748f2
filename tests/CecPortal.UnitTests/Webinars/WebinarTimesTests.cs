using CecPortal.Web.Features.Webinars;
using CecPortal.Web.Features.Webinars.Times;

namespace CecPortal.UnitTests.Webinars;

public sealed class WebinarTimesTests
{
    private const string Brussels = "Europe/Brussels";

    [Theory]
    [InlineData("2026-12-08T14:00:00Z", "Europe/Helsinki", "Tue 8 Dec 2026, 16:00 (Helsinki)")]
    [InlineData("2026-12-08T14:00:00Z", "Europe/Lisbon", "Tue 8 Dec 2026, 14:00 (Lisbon)")]
    [InlineData("2027-07-13T13:00:00Z", "Europe/Helsinki", "Tue 13 Jul 2027, 16:00 (Helsinki)")]
    [InlineData("2027-07-13T13:00:00Z", "Europe/Lisbon", "Tue 13 Jul 2027, 14:00 (Lisbon)")]
    public void Describe_OrganiserAt1500Brussels_ShowsTheMembersClockInWinterAndSummer(string startUtc, string memberZone, string expected)
    {
        // Arrange
        var start = DateTimeOffset.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var time = WebinarTimes.Describe(start, memberZone, Brussels);

        // Assert
        time.Local.ShouldBe(expected);
        time.Organiser.ShouldBe("15:00 Brussels time");
        time.ToString().ShouldBe($"{expected} · 15:00 Brussels time");
    }

    [Fact]
    public void Describe_MemberInTheOrganisersZone_ShowsOneTime()
    {
        // Act
        var time = WebinarTimes.Describe(new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero), Brussels, Brussels);

        // Assert
        time.Local.ShouldBe("Tue 8 Dec 2026, 15:00 (Brussels)");
        time.Organiser.ShouldBeNull();
        time.Iso.ShouldBe("2026-12-08T14:00Z");
    }

    [Fact]
    public void Describe_OrganiserOnAnotherDay_NamesTheOrganisersDayToo()
    {
        // Arrange: 15:00 in Brussels on Tuesday is already Wednesday in Auckland.
        var start = new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero);

        // Act
        var time = WebinarTimes.Describe(start, "Pacific/Auckland", Brussels);

        // Assert
        time.Local.ShouldBe("Wed 9 Dec 2026, 03:00 (Auckland)");
        time.Organiser.ShouldBe("Tue 8 Dec, 15:00 Brussels time");
    }

    [Theory]
    [InlineData("Europe/Helsinki", "Helsinki")]
    [InlineData("America/Argentina/Buenos_Aires", "Buenos Aires")]
    [InlineData("UTC", "UTC")]
    public void PlaceName_IanaId_IsTheLastPartWithSpaces(string zoneId, string expected) =>
        WebinarTimes.PlaceName(zoneId).ShouldBe(expected);

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(102, "102nd")]
    public void Ordinal_Number_HasTheEnglishSuffix(int number, string expected) =>
        WebinarText.Ordinal(number).ShouldBe(expected);
}
