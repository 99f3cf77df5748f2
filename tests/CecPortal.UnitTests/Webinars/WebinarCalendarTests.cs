using System.Text;
using CecPortal.Web.Features.Webinars.Calendars;
using Ical.Net;

namespace CecPortal.UnitTests.Webinars;

public sealed class WebinarCalendarTests
{
    private static readonly Guid SessionId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly DateTimeOffset Stamp = new(2026, 2, 20, 8, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);

    private static readonly WebinarCalendar Ics = new("webinars@cec.example", "CEC Portal", "cec.example");

    private static WebinarEvent Session(int sequence = 0, string title = "Ransomware tabletop lessons", Uri? link = null, Guid? id = null) =>
        new(id ?? SessionId, sequence, title, "Peer session.\nTLP:AMBER applies.", Start, Start.AddMinutes(60), link);

    private static WebinarInvite Invite(WebinarEvent session) => new(session, "member@example.org", "Marie Dupont");

    [Fact]
    public void Invitation_ParsedBack_HasRequestUidSequenceUtcTimesAndTheAttendee()
    {
        // Arrange
        var invite = Invite(Session(sequence: 3, link: new Uri("https://meet.example.org/cec/march")));

        // Act
        var text = Ics.Invitation(invite, Stamp);
        var parsed = Calendar.Load(text)!;

        // Assert
        parsed.Method.ShouldBe("REQUEST");
        parsed.ProductId.ShouldBe(WebinarCalendar.ProductId);
        var calendarEvent = parsed.Events.ShouldHaveSingleItem();
        calendarEvent.Uid.ShouldBe("webinar-0f8fad5bd9cb469fa16570867728950e@cec.example");
        calendarEvent.Sequence.ShouldBe(3);
        calendarEvent.DtStart!.IsUtc.ShouldBeTrue();
        calendarEvent.DtStart.AsUtc.ShouldBe(Start.UtcDateTime);
        calendarEvent.DtEnd!.IsUtc.ShouldBeTrue();
        calendarEvent.DtEnd.AsUtc.ShouldBe(Start.AddHours(1).UtcDateTime);
        calendarEvent.DtStamp!.AsUtc.ShouldBe(Stamp.UtcDateTime);
        calendarEvent.Summary.ShouldBe("Ransomware tabletop lessons");
        calendarEvent.Description.ShouldBe("Peer session.\nTLP:AMBER applies.");
        calendarEvent.Location.ShouldBe("https://meet.example.org/cec/march");
        calendarEvent.Url.ShouldBe(new Uri("https://meet.example.org/cec/march"));
        calendarEvent.Status.ShouldBe("CONFIRMED");
        calendarEvent.Organizer!.Value.ShouldBe(new Uri("mailto:webinars@cec.example"));
        calendarEvent.Organizer.CommonName.ShouldBe("CEC Portal");
        var attendee = calendarEvent.Attendees.ShouldHaveSingleItem();
        attendee.Value.ShouldBe(new Uri("mailto:member@example.org"));
        attendee.CommonName.ShouldBe("Marie Dupont");
        attendee.Rsvp.ShouldBeTrue();
        attendee.ParticipationStatus.ShouldBe("NEEDS-ACTION");
    }

    [Fact]
    public void Invitation_RawText_WritesUtcTimesWithoutTimeZones()
    {
        // Act
        var text = Ics.Invitation(Invite(Session()), Stamp);

        // Assert
        text.ShouldContain("METHOD:REQUEST\r\n");
        text.ShouldContain("DTSTART:20260310T140000Z\r\n");
        text.ShouldContain("DTEND:20260310T150000Z\r\n");
        text.ShouldContain("DTSTAMP:20260220T081500Z\r\n");
        text.ShouldNotContain("VTIMEZONE");
        text.ShouldNotContain("TZID");
    }

    [Fact]
    public void Invitation_WithoutMeetingLink_HasNoLocationOrUrl()
    {
        // Act
        var text = Ics.Invitation(Invite(Session()), Stamp);
        var calendarEvent = Calendar.Load(text)!.Events.Single();

        // Assert
        calendarEvent.Location.ShouldBeNull();
        calendarEvent.Url.ShouldBeNull();
    }

    [Fact]
    public void Invitation_UpdatedSession_KeepsTheUidAndCarriesTheNewSequence()
    {
        // Arrange
        var original = Ics.Invitation(Invite(Session(sequence: 0)), Stamp);
        var moved = Session(sequence: 1) with { StartUtc = Start.AddDays(7), EndUtc = Start.AddDays(7).AddHours(1) };

        // Act
        var update = Ics.Invitation(Invite(moved), Stamp.AddDays(1));
        var other = Ics.Invitation(Invite(Session(id: Guid.NewGuid())), Stamp);

        // Assert
        var first = Calendar.Load(original)!.Events.Single();
        var second = Calendar.Load(update)!.Events.Single();
        second.Uid.ShouldBe(first.Uid);
        second.Sequence.ShouldBe(1);
        second.DtStart!.AsUtc.ShouldBe(Start.AddDays(7).UtcDateTime);
        Calendar.Load(other)!.Events.Single().Uid.ShouldNotBe(first.Uid);
    }

    [Fact]
    public void Cancellation_ParsedBack_IsCancelWithTheSameUidAndCancelledStatus()
    {
        // Arrange
        var invite = Invite(Session(sequence: 2));

        // Act
        var text = Ics.Cancellation(invite, Stamp);
        var parsed = Calendar.Load(text)!;

        // Assert
        parsed.Method.ShouldBe("CANCEL");
        var calendarEvent = parsed.Events.ShouldHaveSingleItem();
        calendarEvent.Uid.ShouldBe(Ics.UidFor(SessionId));
        calendarEvent.Sequence.ShouldBe(2);
        calendarEvent.Status.ShouldBe("CANCELLED");
        calendarEvent.DtStart!.AsUtc.ShouldBe(Start.UtcDateTime);
        calendarEvent.Organizer!.Value.ShouldBe(new Uri("mailto:webinars@cec.example"));
        calendarEvent.Attendees.ShouldHaveSingleItem().Value.ShouldBe(new Uri("mailto:member@example.org"));
        text.ShouldContain("STATUS:CANCELLED\r\n");
    }

    [Fact]
    public void Invitation_SummaryWithCommasSemicolonsAndNonAscii_IsEscapedFoldedAndReadBackIntact()
    {
        // Arrange
        const string title = "Zero trust, SASE; what comes next? Łódź, Zürich & Ålesund; 東京 café — «le retour d'expérience»";
        var invite = Invite(Session(title: title) with { Description = "Agenda:\n1. Threats, trends; tools\n2. Q&A" });

        // Act
        var text = Ics.Invitation(invite, Stamp);
        var calendarEvent = Calendar.Load(text)!.Events.Single();

        // Assert: escaped per RFC 5545 3.3.11, every physical line at most 75 octets and whole UTF-8 characters
        text.ShouldContain(@"SUMMARY:Zero trust\, SASE\; what comes next?");
        text.ShouldContain(@"DESCRIPTION:Agenda:\n1. Threats\, trends\; tools\n2. Q&A");
        var lines = text.Split("\r\n");
        lines.ShouldContain(l => l.StartsWith(' '));
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            bytes.Length.ShouldBeLessThanOrEqualTo(75, line);
            strictUtf8.GetString(bytes).ShouldBe(line);
        }

        text.ShouldNotContain("\n\n");
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain("\n");
        calendarEvent.Summary.ShouldBe(title);
        calendarEvent.Description.ShouldBe("Agenda:\n1. Threats, trends; tools\n2. Q&A");
    }

    [Fact]
    public void Feed_SeveralSessions_PublishesThemInOrderWithoutAttendees()
    {
        // Arrange
        var april = Session(sequence: 1, id: Guid.NewGuid()) with { StartUtc = Start.AddMonths(1), EndUtc = Start.AddMonths(1).AddHours(1), Cancelled = true };
        var may = Session(id: Guid.NewGuid()) with { StartUtc = Start.AddMonths(2), EndUtc = Start.AddMonths(2).AddMinutes(90) };

        // Act
        var text = Ics.Feed("CEC webinars", [may, Session(), april], Stamp);
        var parsed = Calendar.Load(text)!;

        // Assert
        parsed.Method.ShouldBe("PUBLISH");
        text.ShouldContain("X-WR-CALNAME:CEC webinars\r\n");
        parsed.Events.Select(e => e.DtStart!.AsUtc).ShouldBe([Start.UtcDateTime, Start.AddMonths(1).UtcDateTime, Start.AddMonths(2).UtcDateTime]);
        parsed.Events.Select(e => e.Uid).Distinct().Count().ShouldBe(3);
        parsed.Events.Select(e => e.Status).ShouldBe(["CONFIRMED", "CANCELLED", "CONFIRMED"]);
        parsed.Events.ShouldAllBe(e => e.Attendees.Count == 0 && e.Organizer == null);
        parsed.Events.Last().DtEnd!.AsUtc.ShouldBe(Start.AddMonths(2).AddMinutes(90).UtcDateTime);
    }

    [Fact]
    public void Feed_NoSessions_IsAValidEmptyCalendar()
    {
        // Act
        var parsed = Calendar.Load(Ics.Feed("CEC webinars", [], Stamp))!;

        // Assert
        parsed.Events.ShouldBeEmpty();
        parsed.Method.ShouldBe("PUBLISH");
    }

    [Fact]
    public void Invitation_EndNotAfterStart_Throws()
    {
        // Arrange
        var session = Session() with { EndUtc = Start };

        // Act / Assert
        Should.Throw<ArgumentException>(() => Ics.Invitation(Invite(session), Stamp));
    }

    [Theory]
    [InlineData("cec example")]
    [InlineData("user@cec.example")]
    [InlineData("")]
    public void Constructor_BadUidDomain_Throws(string domain)
    {
        // Act / Assert
        Should.Throw<ArgumentException>(() => new WebinarCalendar("webinars@cec.example", null, domain));
    }
}
