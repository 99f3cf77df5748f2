using CecPortal.Web.Features.Briefings;

namespace CecPortal.UnitTests.Briefings;

public sealed class BriefingDemoDataTests
{
    [Theory]
    [InlineData("0 7 * * *", 7, 0)]
    [InlineData("30 6 * * *", 6, 30)]
    [InlineData(" 5  23 * * * ", 23, 5)]
    public void MorningSendTime_DailyCron_GivesTheTimeOfDay(string cron, int hour, int minute)
    {
        // Act
        var time = BriefingDemoData.MorningSendTime(cron);

        // Assert
        time.ShouldBe(new TimeOnly(hour, minute));
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 7 * * 1-5")]
    [InlineData("0 7,12 * * *")]
    [InlineData("60 7 * * *")]
    [InlineData("0 24 * * *")]
    [InlineData("0 7 * *")]
    public void MorningSendTime_OtherShapes_IsUnknown(string cron)
    {
        // Act
        var time = BriefingDemoData.MorningSendTime(cron);

        // Assert
        time.ShouldBeNull();
    }
}
