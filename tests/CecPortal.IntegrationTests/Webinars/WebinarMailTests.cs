using CecPortal.Web.Data;
using CecPortal.Web.Features.Webinars.Calendars;
using CecPortal.Web.Features.Webinars.Mail;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.SharedKernel;
using Hangfire.Common;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Shouldly;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>
/// Webinar emails end to end: the feature classes store them with the change, Hangfire delivers them to a real SMTP sink,
/// and the invitations are parsed back with Ical.Net. Reminder jobs are read from Hangfire's storage and run as Hangfire
/// would at their instant (a fixed clock), since a scheduled job a day ahead does not fire during a test. Each test plans
/// its own series and members, so they share the class's database without seeing each other.
/// </summary>
public sealed class WebinarMailTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string MeetingLink = "https://meet.example.org/cec/peer-webinar";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_WithFreePlace_SendsConfirmationWithRequestInvite()
    {
        // Arrange
        var session = await PlanSessionAsync("Confirmation", capacity: 10);
        var member = await MemberAsync("confirm", "FI");

        // Act
        var change = await RegisterAsync(session, member.Id);
        var message = await portal.Smtp.WaitForAsync(m => IsTo(m, member.Email) && Starts(m, "You are registered"));

        // Assert
        change.Standing.ShouldBe(RegistrationStanding.Confirmed);
        var calendarPart = CalendarPart(message).ShouldNotBeNull();
        calendarPart.ContentType.MimeType.ShouldBe("text/calendar");
        calendarPart.ContentType.Parameters["method"].ShouldBe("REQUEST");
        calendarPart.ContentType.Charset.ShouldBe("utf-8");
        message.Attachments.OfType<MimePart>().ShouldHaveSingleItem().FileName.ShouldBe("invite.ics");
        var (calendar, calendarEvent) = Parse(Decoded(calendarPart));
        Parse(Decoded(message.Attachments.OfType<MimePart>().Single())).Event.Uid.ShouldBe(calendarEvent.Uid);
        calendar.Method.ShouldBe("REQUEST");
        calendarEvent.Uid.ShouldBe(UidOf(session.Id));
        calendarEvent.Sequence.ShouldBe(0);
        calendarEvent.DtStart!.IsUtc.ShouldBeTrue();
        calendarEvent.DtStart.AsUtc.ShouldBe(session.StartsAt.UtcDateTime);
        calendarEvent.DtEnd!.AsUtc.ShouldBe(session.EndsAt.UtcDateTime);
        calendarEvent.Location.ShouldBe(MeetingLink);
        calendarEvent.Attendees.ShouldHaveSingleItem().Value!.ToString().ShouldBe($"mailto:{member.Email}", StringCompareShould.IgnoreCase);
        var helsinki = TimeZoneInfo.ConvertTime(session.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki"));
        message.TextBody!.ShouldContain($"{helsinki:HH:mm}–");
        message.TextBody!.ShouldContain("Europe/Helsinki time");
        message.TextBody!.ShouldContain("15:00–16:00 Europe/Brussels, the organiser's time");
        message.TextBody!.ShouldContain(MeetingLink);
        (await RegistrationAsync(session.Id, member.Id)).InvitedSequence.ShouldBe(0);
    }

    [Fact]
    public async Task Register_WhenFull_WaitsThenIsPromotedWithInviteWhenSomeoneCancels()
    {
        // Arrange
        var session = await PlanSessionAsync("Waiting list", capacity: 1);
        var first = await MemberAsync("first", "PT");
        var second = await MemberAsync("second", "ES");
        await RegisterAsync(session, first.Id);

        // Act
        var waiting = await RegisterAsync(session, second.Id);
        var notice = await portal.Smtp.WaitForAsync(m => IsTo(m, second.Email) && Starts(m, "Waiting list"));
        var cancelled = await CancelAsync(session, first.Id);
        var promotion = await portal.Smtp.WaitForAsync(m => IsTo(m, second.Email) && Starts(m, "A place freed up"));
        var cancellation = await portal.Smtp.WaitForAsync(m => IsTo(m, first.Email) && Starts(m, "Registration cancelled"));

        // Assert
        waiting.Standing.ShouldBe(RegistrationStanding.Waitlisted);
        waiting.PositionInLine.ShouldBe(1);
        notice.TextBody!.ShouldContain("number 1 in line");
        notice.TextBody!.ShouldNotContain(MeetingLink, Case.Sensitive, "the meeting link is only for registered members");
        CalendarPart(notice).ShouldBeNull();
        notice.Attachments.ShouldBeEmpty();
        cancelled.Promoted.ShouldBe([second.Id]);
        var promotionPart = CalendarPart(promotion).ShouldNotBeNull();
        promotionPart.ContentType.Parameters["method"].ShouldBe("REQUEST");
        var (_, promoted) = Parse(Decoded(promotionPart));
        promoted.Uid.ShouldBe(UidOf(session.Id));
        promoted.Location.ShouldBe(MeetingLink);
        promotion.TextBody!.ShouldContain(MeetingLink);
        var (cancelCalendar, cancelEvent) = Parse(Decoded(CalendarPart(cancellation).ShouldNotBeNull()));
        CalendarPart(cancellation)!.ContentType.Parameters["method"].ShouldBe("CANCEL");
        cancelCalendar.Method.ShouldBe("CANCEL");
        cancelEvent.Uid.ShouldBe(UidOf(session.Id));
        (await RegistrationAsync(session.Id, second.Id)).InvitedSequence.ShouldBe(0);
    }

    [Fact]
    public async Task Register_TwoMembersRaceForTheLastPlace_OneConfirmedOneWaiting()
    {
        // Arrange
        var session = await PlanSessionAsync("Race", capacity: 1);
        var a = await MemberAsync("race-a", "BE");
        var b = await MemberAsync("race-b", "BE");

        // Act
        var results = await Task.WhenAll(RegisterAsync(session, a.Id), RegisterAsync(session, b.Id));

        // Assert
        results.Select(r => r.Standing).OrderBy(s => s).ShouldBe([RegistrationStanding.Confirmed, RegistrationStanding.Waitlisted]);
        var rows = await portal.WithDbAsync(db => db.WebinarRegistrations.AsNoTracking().Where(r => r.SessionId == session.Id).ToListAsync(Token));
        rows.Count(r => r.Status == RegistrationStatus.Confirmed).ShouldBe(1);
        rows.Count(r => r.Status == RegistrationStatus.Waitlisted).ShouldBe(1);
        var subjects = await OutboxSubjectsAsync(a.Email, b.Email);
        subjects.Count(s => s.StartsWith("You are registered", StringComparison.Ordinal)).ShouldBe(1);
        subjects.Count(s => s.StartsWith("Waiting list", StringComparison.Ordinal)).ShouldBe(1);
        (await RemindersOfAsync(session.Id)).Count.ShouldBe(2, "one job per reminder, however many registered at once");
    }

    [Fact]
    public async Task Move_Session_SendsEveryConfirmedRegistrantAnUpdatedInviteWithHigherSequence()
    {
        // Arrange
        var session = await PlanSessionAsync("Moved", capacity: 2);
        var one = await MemberAsync("move-one", "IT");
        var two = await MemberAsync("move-two", "DE");
        var waiting = await MemberAsync("move-wait", "NL");
        await RegisterAsync(session, one.Id);
        await RegisterAsync(session, two.Id);
        await RegisterAsync(session, waiting.Id);
        var newStart = session.StartsAt.AddDays(2).AddHours(1);

        // Act
        var moved = await MoveAsync(session, newStart, TimeSpan.FromMinutes(90));
        var updates = await Task.WhenAll(
            portal.Smtp.WaitForAsync(m => IsTo(m, one.Email) && Starts(m, "New time")),
            portal.Smtp.WaitForAsync(m => IsTo(m, two.Email) && Starts(m, "New time")));
        var notice = await portal.Smtp.WaitForAsync(m => IsTo(m, waiting.Email) && Starts(m, "New time"));

        // Assert
        moved.ShouldBeTrue();
        foreach (var update in updates)
        {
            var part = CalendarPart(update).ShouldNotBeNull();
            part.ContentType.Parameters["method"].ShouldBe("REQUEST");
            var (_, calendarEvent) = Parse(Decoded(part));
            calendarEvent.Uid.ShouldBe(UidOf(session.Id));
            calendarEvent.Sequence.ShouldBe(1, "higher than the confirmation's 0");
            calendarEvent.DtStart!.AsUtc.ShouldBe(newStart.UtcDateTime);
            calendarEvent.DtEnd!.AsUtc.ShouldBe(newStart.AddMinutes(90).UtcDateTime);
        }

        CalendarPart(notice).ShouldBeNull();
        notice.TextBody!.ShouldNotContain(MeetingLink, Case.Sensitive);
        (await RegistrationAsync(session.Id, one.Id)).InvitedSequence.ShouldBe(1);
        (await RegistrationAsync(session.Id, waiting.Id)).InvitedSequence.ShouldBeNull();
    }

    [Fact]
    public async Task Describe_NewMeetingLink_SendsConfirmedRegistrantsAnUpdatedInviteButAbstractAloneSendsNothing()
    {
        // Arrange
        var session = await PlanSessionAsync("Relinked", capacity: 1);
        var confirmed = await MemberAsync("relink-confirmed", "SE");
        var waiting = await MemberAsync("relink-waiting", "DK");
        await RegisterAsync(session, confirmed.Id);
        await RegisterAsync(session, waiting.Id);
        await portal.Smtp.WaitForAsync(m => IsTo(m, confirmed.Email) && Starts(m, "You are registered"));
        const string newLink = "https://meet.example.org/cec/new-room";

        // Act
        await DescribeAsync(session, "Relinked", "A longer abstract.", MeetingLink);
        var abstractOnlySequence = (await portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id, Token))).Sequence;
        await DescribeAsync(session, "Relinked", "A longer abstract.", newLink);
        var update = await portal.Smtp.WaitForAsync(m => IsTo(m, confirmed.Email) && Starts(m, "Updated"));

        // Assert
        abstractOnlySequence.ShouldBe(0, "an abstract is not in the invitation's SUMMARY or LOCATION");
        var (_, calendarEvent) = Parse(Decoded(CalendarPart(update).ShouldNotBeNull()));
        calendarEvent.Sequence.ShouldBe(1);
        calendarEvent.Location.ShouldBe(newLink);
        update.TextBody!.ShouldContain(newLink, Case.Sensitive);
        (await RegistrationAsync(session.Id, confirmed.Id)).InvitedSequence.ShouldBe(1);
        (await OutboxSubjectsAsync(waiting.Email)).ShouldNotContain(s => s.StartsWith("Updated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Describe_HigherCapacity_PromotesTheFirstInLineWithInvites()
    {
        // Arrange
        var session = await PlanSessionAsync("Grown", capacity: 1);
        var first = await MemberAsync("grow-first", "LU");
        var second = await MemberAsync("grow-second", "IE");
        var third = await MemberAsync("grow-third", "CZ");
        await RegisterAsync(session, first.Id);
        await RegisterAsync(session, second.Id);
        await RegisterAsync(session, third.Id);

        // Act
        var version = await VersionAsync(session.Id);
        IReadOnlyList<string> promoted = [];
        await portal.WithServiceAsync<WebinarSessionChanges>(async changes => promoted = await changes.DescribeAsync(
            session.Id, version, new SessionDetails("Grown", "A peer session.", TlpLabel.Amber, MeetingLink, 2), Token));
        var promotion = await portal.Smtp.WaitForAsync(m => IsTo(m, second.Email) && CalendarPart(m) is not null && !Starts(m, "Waiting"));

        // Assert
        promoted.ShouldBe([second.Id]);
        (await RegistrationAsync(session.Id, second.Id)).Status.ShouldBe(RegistrationStatus.Confirmed);
        (await RegistrationAsync(session.Id, third.Id)).Status.ShouldBe(RegistrationStatus.Waitlisted);
        CalendarPart(promotion)!.ContentType.Parameters["method"].ShouldBe("REQUEST");
    }

    [Fact]
    public async Task Move_Session_ReschedulesRemindersAndTheOldOnesDoNotFire()
    {
        // Arrange
        var session = await PlanSessionAsync("Moved reminders", capacity: 5);
        var member = await MemberAsync("move-remind", "AT");
        await RegisterAsync(session, member.Id);
        var before = await RemindersOfAsync(session.Id);
        var newStart = session.StartsAt.AddDays(3);

        // Act
        await MoveAsync(session, newStart, TimeSpan.FromMinutes(60));
        var after = await RemindersOfAsync(session.Id);
        var oldDay = await RunReminderAsync(session.Id, ReminderKind.Day, ReminderKind.Day.DueFor(session.StartsAt), at: ReminderKind.Day.DueFor(session.StartsAt));
        var oldHour = await RunReminderAsync(session.Id, ReminderKind.Hour, ReminderKind.Hour.DueFor(session.StartsAt), at: ReminderKind.Hour.DueFor(session.StartsAt));

        // Assert
        before.Single(r => r.Kind == ReminderKind.Day).DueAt.ShouldBe(session.StartsAt.AddHours(-24));
        after.Single(r => r.Kind == ReminderKind.Day).DueAt.ShouldBe(newStart.AddHours(-24));
        after.Single(r => r.Kind == ReminderKind.Hour).DueAt.ShouldBe(newStart.AddHours(-1));
        foreach (var old in before)
        {
            JobState(old.JobId).Name.ShouldBe("Deleted", $"the old {old.Kind} reminder job");
        }

        foreach (var current in after)
        {
            ScheduledFor(current.JobId).ShouldBe(current.DueAt);
        }

        oldDay.ShouldBe(0, "a job for the old time sends nothing");
        oldHour.ShouldBe(0);
        (await OutboxSubjectsAsync(member.Email)).ShouldNotContain(s => s.StartsWith("Tomorrow", StringComparison.Ordinal) || s.StartsWith("Starting in one hour", StringComparison.Ordinal));
        (await RunReminderAsync(session.Id, ReminderKind.Day, newStart.AddHours(-24), at: newStart.AddHours(-24))).ShouldBe(1, "the new time's reminder does go out");
    }

    [Fact]
    public async Task Cancel_Session_SendsMethodCancelToConfirmedAndNoReminders()
    {
        // Arrange
        var session = await PlanSessionAsync("Cancelled", capacity: 1);
        var confirmed = await MemberAsync("cancel-confirmed", "FR");
        var waiting = await MemberAsync("cancel-waiting", "IE");
        await RegisterAsync(session, confirmed.Id);
        await RegisterAsync(session, waiting.Id);
        var jobs = await RemindersOfAsync(session.Id);

        // Act
        await CancelSessionAsync(session);
        var cancellation = await portal.Smtp.WaitForAsync(m => IsTo(m, confirmed.Email) && Starts(m, "Cancelled"));
        var notice = await portal.Smtp.WaitForAsync(m => IsTo(m, waiting.Email) && Starts(m, "Cancelled"));
        var day = await RunReminderAsync(session.Id, ReminderKind.Day, ReminderKind.Day.DueFor(session.StartsAt), at: ReminderKind.Day.DueFor(session.StartsAt));
        var hour = await RunReminderAsync(session.Id, ReminderKind.Hour, ReminderKind.Hour.DueFor(session.StartsAt), at: ReminderKind.Hour.DueFor(session.StartsAt));

        // Assert
        var part = CalendarPart(cancellation).ShouldNotBeNull();
        part.ContentType.Parameters["method"].ShouldBe("CANCEL");
        var (calendar, calendarEvent) = Parse(Decoded(part));
        calendar.Method.ShouldBe("CANCEL");
        calendarEvent.Uid.ShouldBe(UidOf(session.Id));
        calendarEvent.Sequence.ShouldBe(1);
        calendarEvent.Status.ShouldBe("CANCELLED");
        CalendarPart(notice).ShouldBeNull();
        notice.TextBody!.ShouldContain("is cancelled");
        day.ShouldBe(0);
        hour.ShouldBe(0);
        (await RemindersOfAsync(session.Id)).ShouldBeEmpty();
        jobs.Select(j => JobState(j.JobId).Name).ShouldAllBe(state => state == "Deleted");
    }

    [Fact]
    public async Task Reminders_AtTheirInstants_GoOnceToConfirmedRegistrantsOnly()
    {
        // Arrange
        var session = await PlanSessionAsync("Reminders", capacity: 2);
        var stays = await MemberAsync("remind-stays", "FI");
        var leaves = await MemberAsync("remind-leaves", "PT");
        var promoted = await MemberAsync("remind-promoted", "PL");
        var waiting = await MemberAsync("remind-waiting", "SE");
        await RegisterAsync(session, stays.Id);
        await RegisterAsync(session, leaves.Id);
        await RegisterAsync(session, promoted.Id);
        await RegisterAsync(session, waiting.Id);
        await CancelAsync(session, leaves.Id);
        var dayDue = session.StartsAt.AddHours(-24);
        var hourDue = session.StartsAt.AddHours(-1);

        // Act
        var jobs = await RemindersOfAsync(session.Id);
        var tooEarly = await RunReminderAsync(session.Id, ReminderKind.Day, dayDue, at: dayDue.AddHours(-1));
        var day = await RunReminderAsync(session.Id, ReminderKind.Day, dayDue, at: dayDue);
        var dayAgain = await RunReminderAsync(session.Id, ReminderKind.Day, dayDue, at: dayDue.AddMinutes(2));
        var hour = await RunReminderAsync(session.Id, ReminderKind.Hour, hourDue, at: hourDue);
        var hourAgain = await RunReminderAsync(session.Id, ReminderKind.Hour, hourDue, at: hourDue.AddMinutes(1));
        var tomorrow = await portal.Smtp.WaitForAsync(m => IsTo(m, stays.Email) && Starts(m, "Tomorrow"));
        var soon = await portal.Smtp.WaitForAsync(m => IsTo(m, stays.Email) && Starts(m, "Starting in one hour"));

        // Assert
        ScheduledFor(jobs.Single(j => j.Kind == ReminderKind.Day).JobId).ShouldBe(dayDue);
        ScheduledFor(jobs.Single(j => j.Kind == ReminderKind.Hour).JobId).ShouldBe(hourDue);
        JobArgs(jobs.Single(j => j.Kind == ReminderKind.Day).JobId).Take(3).ShouldBe([session.Id, ReminderKind.Day, dayDue], "ids and instants only, no personal data");
        tooEarly.ShouldBe(0);
        day.ShouldBe(2, "the two confirmed: the one who stayed and the one promoted when a place freed up");
        dayAgain.ShouldBe(0, "each registration is reminded once");
        hour.ShouldBe(2);
        hourAgain.ShouldBe(0);
        tomorrow.TextBody!.ShouldContain(MeetingLink);
        tomorrow.TextBody!.ShouldContain("Europe/Helsinki time");
        soon.TextBody!.ShouldContain(MeetingLink);
        (await OutboxSubjectsAsync(leaves.Email)).ShouldNotContain(s => s.StartsWith("Tomorrow", StringComparison.Ordinal) || s.StartsWith("Starting", StringComparison.Ordinal));
        (await OutboxSubjectsAsync(waiting.Email)).ShouldNotContain(s => s.StartsWith("Tomorrow", StringComparison.Ordinal) || s.StartsWith("Starting", StringComparison.Ordinal), "still waiting");
        (await OutboxSubjectsAsync(promoted.Email)).Count(s => s.StartsWith("Tomorrow", StringComparison.Ordinal)).ShouldBe(1);
        (await RegistrationAsync(session.Id, promoted.Id)).DayReminderSentAt.ShouldBe(dayDue);
    }

    [Fact]
    public async Task Register_AfterTheDayMark_GetsTheHourReminderOnly()
    {
        // Arrange
        var session = await PlanSessionAsync("Late registration", capacity: 5, startsIn: TimeSpan.FromHours(3));
        var member = await MemberAsync("late", "BE");

        // Act
        await RegisterAsync(session, member.Id);
        var jobs = await RemindersOfAsync(session.Id);
        var day = await RunReminderAsync(session.Id, ReminderKind.Day, session.StartsAt.AddHours(-24), at: session.StartsAt.AddHours(-24));
        var hour = await RunReminderAsync(session.Id, ReminderKind.Hour, session.StartsAt.AddHours(-1), at: session.StartsAt.AddHours(-1));

        // Assert
        jobs.ShouldHaveSingleItem().Kind.ShouldBe(ReminderKind.Hour);
        day.ShouldBe(0);
        hour.ShouldBe(1);
    }

    [Fact]
    public async Task TopUp_PlannedSessions_EachGetsBothReminderJobs()
    {
        // Arrange
        var series = WebinarSeries.Create($"Top-up reminders {Guid.NewGuid():N}", SeriesRule.Create(WeekOfMonth.Third, DayOfWeek.Thursday, new TimeOnly(11, 0), "Europe/Brussels", TimeSpan.FromMinutes(45)), 50, DateTimeOffset.UtcNow);
        await portal.WithDbAsync(db =>
        {
            db.WebinarSeries.Add(series);
            return db.SaveChangesAsync(Token);
        });

        // Act
        await portal.WithServiceAsync<WebinarPlanner>(planner => planner.TopUpAsync(Token));
        var sessions = await portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().Where(s => s.SeriesId == series.Id).ToListAsync(Token));
        var reminders = await portal.WithDbAsync(db => db.WebinarReminders.AsNoTracking().Where(r => sessions.Select(s => s.Id).Contains(r.SessionId)).ToListAsync(Token));

        // Assert
        sessions.Count.ShouldBe(WebinarPlanner.Horizon);
        reminders.Count.ShouldBe(2 * WebinarPlanner.Horizon);
        foreach (var session in sessions)
        {
            var day = reminders.Single(r => r.SessionId == session.Id && r.Kind == ReminderKind.Day);
            var hour = reminders.Single(r => r.SessionId == session.Id && r.Kind == ReminderKind.Hour);
            ScheduledFor(day.JobId).ShouldBe(session.StartsAt.AddHours(-24));
            ScheduledFor(hour.JobId).ShouldBe(session.StartsAt.AddHours(-1));
        }
    }

    [Fact]
    public async Task Register_SuspendedMember_IsRegisteredButNotEmailed()
    {
        // Arrange
        var session = await PlanSessionAsync("Suspended", capacity: 5);
        var email = $"suspended-{Guid.NewGuid():N}@webinar.test";
        var memberId = await portal.CreateUserAsync(email, "Suspended Member", Roles.Member, "BE", suspended: true);

        // Act
        var change = await RegisterAsync(session, memberId);

        // Assert
        change.Standing.ShouldBe(RegistrationStanding.Confirmed);
        (await OutboxSubjectsAsync(email)).ShouldBeEmpty();
    }

    private sealed record Member(string Id, string Email);

    /// <summary>A clock stopped at one instant, for running a reminder job as Hangfire would at its due time.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<Member> MemberAsync(string name, string countryCode)
    {
        var email = $"{name}-{Guid.NewGuid():N}@webinar.test";
        var id = await portal.CreateUserAsync(email, $"Member {name}", Roles.Member, countryCode);
        return new Member(id, email);
    }

    /// <summary>
    /// A session of its own series, at 15:00 Brussels time about ten days ahead (or <paramref name="startsIn"/>), with a
    /// meeting link.
    /// </summary>
    private async Task<WebinarSession> PlanSessionAsync(string title, int capacity, TimeSpan? startsIn = null)
    {
        var now = DateTimeOffset.UtcNow;
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var start = startsIn is { } lead
            ? new DateTimeOffset(now.UtcDateTime.AddTicks(-(now.UtcDateTime.Ticks % TimeSpan.TicksPerMinute)), TimeSpan.Zero) + lead
            : WallClock.ToUtc(DateOnly.FromDateTime(now.UtcDateTime).AddDays(10), new TimeOnly(15, 0), brussels);
        var series = WebinarSeries.Create($"{title} {Guid.NewGuid():N}", SeriesRule.Create(WeekOfMonth.First, DayOfWeek.Monday, new TimeOnly(15, 0), "Europe/Brussels", TimeSpan.FromHours(1)), capacity, now);
        var session = WebinarSession.Plan(series, start, now);
        session.Describe(title, "A peer session.", "<p>A peer session.</p>", TlpLabel.Amber, MeetingLink, capacity, now);
        await portal.WithDbAsync(db =>
        {
            db.WebinarSeries.Add(series);
            db.WebinarSessions.Add(session);
            return db.SaveChangesAsync(Token);
        });
        return await portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id, Token));
    }

    private async Task<AttendanceChange> RegisterAsync(WebinarSession session, string memberId)
    {
        AttendanceChange? change = null;
        await portal.WithServiceAsync<WebinarAttendance>(async attendance => change = await attendance.RegisterAsync(session.Id, memberId, Token));
        return change!;
    }

    private async Task<AttendanceChange> CancelAsync(WebinarSession session, string memberId)
    {
        AttendanceChange? change = null;
        await portal.WithServiceAsync<WebinarAttendance>(async attendance => change = await attendance.CancelAsync(session.Id, memberId, Token));
        return change!;
    }

    private async Task<bool> MoveAsync(WebinarSession session, DateTimeOffset startsAt, TimeSpan duration)
    {
        var version = await VersionAsync(session.Id);
        var moved = false;
        await portal.WithServiceAsync<WebinarSessionChanges>(async changes => moved = await changes.MoveAsync(session.Id, version, startsAt, duration, Token));
        return moved;
    }

    private async Task DescribeAsync(WebinarSession session, string title, string abstractMarkdown, string meetingLink)
    {
        var version = await VersionAsync(session.Id);
        var details = new SessionDetails(title, abstractMarkdown, TlpLabel.Amber, meetingLink, session.Capacity);
        await portal.WithServiceAsync<WebinarSessionChanges>(changes => changes.DescribeAsync(session.Id, version, details, Token));
    }

    private async Task CancelSessionAsync(WebinarSession session)
    {
        var version = await VersionAsync(session.Id);
        await portal.WithServiceAsync<WebinarSessionChanges>(changes => changes.CancelAsync(session.Id, version, Token));
    }

    private Task<uint> VersionAsync(Guid sessionId) =>
        portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(Token));

    /// <summary>Runs the reminder job with the portal's services and a clock stopped at <paramref name="at"/>; returns how many it queued.</summary>
    private async Task<int> RunReminderAsync(Guid sessionId, ReminderKind kind, DateTimeOffset dueAt, DateTimeOffset at)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<SendWebinarRemindersJob>(scope.ServiceProvider, new FixedClock(at));
        return await job.RunAsync(sessionId, kind, dueAt, Token);
    }

    private Task<WebinarRegistration> RegistrationAsync(Guid sessionId, string memberId) =>
        portal.WithDbAsync(db => db.WebinarRegistrations.AsNoTracking().SingleAsync(r => r.SessionId == sessionId && r.MemberId == memberId, Token));

    private Task<List<WebinarReminder>> RemindersOfAsync(Guid sessionId) =>
        portal.WithDbAsync(db => db.WebinarReminders.AsNoTracking().Where(r => r.SessionId == sessionId).OrderBy(r => r.Kind).ToListAsync(Token));

    /// <summary>Subjects of every message stored for these addresses (sent or not): what the portal decided to send.</summary>
    private Task<List<string>> OutboxSubjectsAsync(params string[] emails) =>
        portal.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(e => emails.Contains(e.To)).Select(e => e.Subject).ToListAsync(Token));

    private string UidOf(Guid sessionId) => portal.Factory.Services.GetRequiredService<WebinarCalendar>().UidFor(sessionId);

    private static bool Starts(MimeMessage message, string subjectPrefix) => message.Subject?.StartsWith(subjectPrefix, StringComparison.Ordinal) == true;

    private static bool IsTo(MimeMessage message, string email) => message.To.Mailboxes.Any(a => a.Address == email);

    private static TextPart? CalendarPart(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().SingleOrDefault(p => p.ContentType.MimeType == "text/calendar");

    private static string Decoded(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content, Token);
        return System.Text.Encoding.UTF8.GetString(content.ToArray());
    }

    private static (Ical.Net.Calendar Calendar, CalendarEvent Event) Parse(string ics)
    {
        var calendar = Ical.Net.Calendar.Load(ics).ShouldNotBeNull();
        return (calendar, calendar.Events.ShouldHaveSingleItem());
    }

    private Hangfire.Storage.StateData JobState(string jobId)
    {
        using var connection = portal.JobStorage.GetConnection();
        return connection.GetStateData(jobId).ShouldNotBeNull();
    }

    private DateTimeOffset ScheduledFor(string jobId)
    {
        var state = JobState(jobId);
        state.Name.ShouldBe("Scheduled");
        return new DateTimeOffset(JobHelper.DeserializeDateTime(state.Data["EnqueueAt"]), TimeSpan.Zero);
    }

    private IReadOnlyList<object?> JobArgs(string jobId)
    {
        using var connection = portal.JobStorage.GetConnection();
        return connection.GetJobData(jobId).ShouldNotBeNull().Job.Args;
    }
}
