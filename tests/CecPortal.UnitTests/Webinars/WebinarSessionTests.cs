using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.UnitTests.Webinars;

public sealed class WebinarSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly SeriesRule Rule = SeriesRule.Create(WeekOfMonth.Second, DayOfWeek.Tuesday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromMinutes(60));

    [Fact]
    public void Plan_FromSeries_TakesTheRulesDateZoneDurationAndCapacity()
    {
        // Arrange
        var series = WebinarSeries.Create("Peer webinar", Rule, 80, Now);

        // Act
        var session = WebinarSession.Plan(series, Rule.NextOccurrences(Now, 1)[0], Now);

        // Assert
        session.SeriesDate.ShouldBe(new DateOnly(2026, 12, 8));
        session.StartsAt.ShouldBe(new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero));
        session.EndsAt.ShouldBe(session.StartsAt.AddHours(1));
        session.TimeZoneId.ShouldBe("Europe/Brussels");
        session.Capacity.ShouldBe(80);
        session.Sequence.ShouldBe(0);
        session.Status.ShouldBe(WebinarStatus.Planned);
    }

    [Fact]
    public void Move_ToAnotherTime_BumpsTheSequenceAndLeavesTheRule()
    {
        // Arrange
        var session = PlannedSession();
        var later = session.StartsAt.AddHours(2);

        // Act
        var changed = session.Move(later, TimeSpan.FromMinutes(90), Now);
        var unchanged = session.Move(later, TimeSpan.FromMinutes(90), Now);

        // Assert
        changed.ShouldBeTrue();
        unchanged.ShouldBeFalse("the same time again is no change for invitees");
        session.Sequence.ShouldBe(1);
        session.MovedByHand.ShouldBeTrue();
        session.EndsAt.ShouldBe(later.AddMinutes(90));
    }

    [Fact]
    public void Cancel_BumpsTheSequenceAndFreezesTheSession()
    {
        // Arrange
        var session = PlannedSession();

        // Act
        session.Cancel(Now);

        // Assert
        session.Status.ShouldBe(WebinarStatus.Cancelled);
        session.Sequence.ShouldBe(1);
        Should.Throw<WebinarRuleException>(() => session.Move(session.StartsAt.AddDays(1), TimeSpan.FromHours(1), Now));
        Should.Throw<WebinarRuleException>(() => session.Cancel(Now));
        session.IsUpcoming(Now).ShouldBeFalse();
    }

    [Fact]
    public void MarkHeld_BeforeTheStart_IsRefused()
    {
        // Arrange
        var session = PlannedSession();

        // Act
        var early = Should.Throw<WebinarRuleException>(() => session.MarkHeld("https://video.example/rec", Now));
        session.MarkHeld(" https://video.example/rec ", session.EndsAt);

        // Assert
        early.Message.ShouldContain("once it has started");
        session.Status.ShouldBe(WebinarStatus.Held);
        session.RecordingLink.ShouldBe("https://video.example/rec");
    }

    [Fact]
    public void Reregister_AfterCancelling_GoesToTheBackOfTheLineWithFreshReminders()
    {
        // Arrange
        var registration = WebinarRegistration.Create(Guid.NewGuid(), "member-1", RegistrationStatus.Confirmed, Now);
        registration.RecordDayReminder(Now);
        registration.Cancel(Now.AddHours(1));

        // Act
        registration.Reregister(RegistrationStatus.Waitlisted, Now.AddHours(2));

        // Assert
        registration.Status.ShouldBe(RegistrationStatus.Waitlisted);
        registration.RegisteredAt.ShouldBe(Now.AddHours(2));
        registration.DayReminderSentAt.ShouldBeNull();
        Should.Throw<WebinarRuleException>(() => registration.Reregister(RegistrationStatus.Confirmed, Now));
    }

    [Fact]
    public void Decline_WithoutANote_IsRefused()
    {
        // Arrange
        var proposal = TalkProposal.Submit("member-1", "Talk", "Abstract", [new DateOnly(2027, 1, 20)], Now);

        // Act
        var refused = Should.Throw<WebinarRuleException>(() => proposal.Decline("staff-1", "  ", Now));
        proposal.Decline("staff-1", "We had this topic in March.", Now);

        // Assert
        refused.Message.ShouldContain("note");
        proposal.Status.ShouldBe(ProposalStatus.Declined);
        proposal.PreferredMonths.ShouldBe([new DateOnly(2027, 1, 1)]);
        Should.Throw<WebinarRuleException>(() => proposal.Accept(Guid.NewGuid(), "staff-1", null, Now));
    }

    private static WebinarSession PlannedSession() =>
        WebinarSession.Plan(WebinarSeries.Create("Peer webinar", Rule, 50, Now), Rule.NextOccurrences(Now, 1)[0], Now);
}
