using CecPortal.Web.Features.Webinars.Sessions;

namespace CecPortal.UnitTests.Webinars;

public sealed class WebinarAnnouncementRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Announce_ConfirmedUpcomingSession_StampsOnce()
    {
        // Arrange
        var session = Session(daysAhead: 10);
        session.Confirm(Now);

        // Act
        session.Announce(Now);

        // Assert
        session.AnnouncedAt.ShouldBe(Now);
        session.MayBeAnnounced(Now).ShouldBeTrue();
        Should.Throw<WebinarRuleException>(() => session.Announce(Now.AddMinutes(1))).Message.ShouldStartWith("This session was already announced");
    }

    [Fact]
    public void Announce_PlannedSession_Refused()
    {
        // Arrange
        var session = Session(daysAhead: 10);

        // Act
        var refused = Should.Throw<WebinarRuleException>(() => session.Announce(Now));

        // Assert
        refused.Message.ShouldBe("Confirm the session before announcing it to the members.");
        session.AnnouncedAt.ShouldBeNull();
    }

    [Fact]
    public void Announce_SessionAlreadyStarted_Refused()
    {
        // Arrange
        var session = Session(daysAhead: 1);
        session.Confirm(Now);

        // Act / Assert
        Should.Throw<WebinarRuleException>(() => session.Announce(Now.AddDays(2)));
    }

    [Fact]
    public void MayBeAnnounced_CancelledAfterTheAnnouncement_False()
    {
        // Arrange
        var session = Session(daysAhead: 10);
        session.Confirm(Now);
        session.Announce(Now);

        // Act
        session.Cancel(Now.AddHours(1));

        // Assert
        session.MayBeAnnounced(Now.AddHours(1)).ShouldBeFalse();
    }

    private static WebinarSession Session(int daysAhead) =>
        WebinarSession.PlanOneOff("Peer webinar", Now.AddDays(daysAhead), TimeSpan.FromHours(1), "Europe/Brussels", 50, Now);
}
