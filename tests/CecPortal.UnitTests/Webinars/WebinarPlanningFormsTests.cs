using CecPortal.Web.Features.Admin.Webinars.Forms;
using CecPortal.Web.Features.Webinars.Sessions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CecPortal.UnitTests.Webinars;

public sealed class WebinarPlanningFormsTests
{
    [Fact]
    public void ToRule_ValidFields_BuildsTheRuleWithoutMessages()
    {
        // Arrange
        var form = new SeriesForm { Title = "Peer webinar", Week = WeekOfMonth.Last, DayOfWeek = DayOfWeek.Friday, StartTime = new TimeOnly(9, 30), TimeZoneId = "Europe/Lisbon", DurationMinutes = 90 };
        var modelState = new ModelStateDictionary();

        // Act
        var rule = form.ToRule(modelState, "Input");

        // Assert
        rule.ShouldNotBeNull().Describe().ShouldBe("Last Friday of each month, 09:30 Europe/Lisbon, 90 minutes");
        modelState.ErrorCount.ShouldBe(0);
    }

    [Fact]
    public void ToRule_UnknownZoneAndTooLong_PutsEachMessageUnderItsField()
    {
        // Arrange
        var form = new SeriesForm { TimeZoneId = "Europe/Atlantis", DurationMinutes = 9 * 60, StartTime = new TimeOnly(15, 0, 30) };
        var modelState = new ModelStateDictionary();

        // Act
        var rule = form.ToRule(modelState, "Input");

        // Assert
        rule.ShouldBeNull();
        modelState["Input.TimeZoneId"]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("'Europe/Atlantis' is not a known IANA time zone id");
        modelState["Input.DurationMinutes"]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("The duration must be between 1 minute and 8 hours.");
        modelState["Input.StartTime"]!.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("The start time must be a whole minute, e.g. 15:00.");
    }

    [Fact]
    public void PlanOneOff_ZeroCapacityOrNoLength_IsRefused()
    {
        // Arrange
        var start = new DateTimeOffset(2027, 5, 11, 13, 0, 0, TimeSpan.Zero);

        // Act
        var noPlaces = Should.Throw<WebinarRuleException>(() => WebinarSession.PlanOneOff("Special", start, TimeSpan.FromMinutes(60), "Europe/Brussels", 0, start));
        var noLength = Should.Throw<WebinarRuleException>(() => WebinarSession.PlanOneOff("Special", start, TimeSpan.Zero, "Europe/Brussels", 10, start));
        var session = WebinarSession.PlanOneOff("  Special  ", start, TimeSpan.FromMinutes(45), "Europe/Brussels", 10, start);

        // Assert
        noPlaces.Message.ShouldBe("The capacity must be between 1 and 10,000.");
        noLength.Message.ShouldBe("A session lasts between 1 minute and 8 hours.");
        session.SeriesId.ShouldBeNull();
        session.Title.ShouldBe("Special");
        session.EndsAt.ShouldBe(start.AddMinutes(45));
        session.Status.ShouldBe(WebinarStatus.Planned);
    }
}
