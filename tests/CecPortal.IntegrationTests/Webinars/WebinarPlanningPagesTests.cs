using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Admin.Webinars;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.Features.Webinars.Times;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Webinars.WebinarAdminTestKit;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>Staff plan webinars under /admin/webinars: series, sessions, speakers; the pages post real forms.</summary>
public sealed class WebinarPlanningPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string DetailsForm = "form[data-testid=details-form]";
    private const string MoveForm = "form[data-testid=move-form]";
    private const string CancelForm = "form[data-testid=cancel-form]";

    public static TheoryData<string> PlanningPages =>
    [
        "/admin/webinars",
        "/admin/webinars/series/new",
        "/admin/webinars/sessions/new",
        "/admin/webinars/sessions/{id}",
        "/admin/webinars/proposals",
    ];

    [Theory]
    [InlineData(PortalFactory.EditorEmail)]
    [InlineData(PortalFactory.AdminEmail)]
    public async Task Get_AsEditorOrAdmin_OpensEveryPlanningPage(string email)
    {
        // Arrange
        var session = await AddSessionAsync(portal, $"Opened by {email}");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var responses = new List<HttpStatusCode>();
        foreach (var path in PlanningPages)
        {
            using var response = await client.GetAsync(Url(path, session.Id), Token);
            responses.Add(response.StatusCode);
        }

        // Assert
        responses.ShouldAllBe(status => status == HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(PortalFactory.MemberEmail)]
    [InlineData(PortalFactory.CountryVetterEmail)]
    public async Task Get_AsMemberOrVetter_IsForbidden(string email)
    {
        // Arrange
        var session = await AddSessionAsync(portal, $"Not for {email}");
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var responses = new List<HttpStatusCode>();
        foreach (var path in PlanningPages)
        {
            using var response = await client.GetAsync(Url(path, session.Id), Token);
            responses.Add(response.StatusCode);
        }

        using var post = await client.PostAsync(Url($"/admin/webinars/sessions/{session.Id}?handler=Cancel"), new FormUrlEncodedContent([]), Token);

        // Assert
        responses.ShouldAllBe(status => status == HttpStatusCode.Forbidden);
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StoredSessionAsync(portal, session.Id)).Status.ShouldBe(WebinarStatus.Planned);
    }

    [Theory]
    [InlineData("/admin/webinars")]
    [InlineData("/admin/webinars/series/new")]
    [InlineData("/admin/webinars/proposals")]
    public async Task Get_Anonymously_RedirectsToSignIn(string path)
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(Url(path), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Fact]
    public async Task CreateSeries_ValidRule_PlansTwelveSessionsAtOnceAndAudits()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await SubmitAsync(client, "/admin/webinars/series/new", "form[data-testid=series-form]", new Dictionary<string, string>
        {
            ["Input.Title"] = "Helsinki breakfast briefing",
            ["Input.Week"] = "Last",
            ["Input.DayOfWeek"] = "Thursday",
            ["Input.StartTime"] = "09:30",
            ["Input.TimeZoneId"] = "Europe/Helsinki",
            ["Input.DurationMinutes"] = "45",
            ["Input.DefaultCapacity"] = "25",
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var series = await portal.WithDbAsync(db => db.WebinarSeries.AsNoTracking().SingleAsync(s => s.Title == "Helsinki breakfast briefing", Token));
        response.Headers.Location!.OriginalString.ShouldBe($"/admin/webinars/series/{series.Id}");
        series.Rule.Describe().ShouldBe("Last Thursday of each month, 09:30 Europe/Helsinki, 45 minutes");
        var sessions = await portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().Where(s => s.SeriesId == series.Id).ToListAsync(Token));
        sessions.Count.ShouldBe(WebinarPlanner.Horizon);
        sessions.ShouldAllBe(s => s.Capacity == 25 && s.TimeZoneId == "Europe/Helsinki" && s.Title == "Helsinki breakfast briefing");
        var helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        sessions.Select(s => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.StartsAt, helsinki).DateTime)).Distinct().ShouldBe([new TimeOnly(9, 30)]);
        (await AuditActionsAsync(portal, WebinarAdministration.SeriesSubject(series.Id))).ShouldBe([WebinarAdministration.CreateSeriesAction]);
        var overview = await client.GetDocumentAsync("/admin/webinars");
        overview.QuerySelectorAll("[data-testid=series] [data-testid=rule]").Select(c => c.TextContent).ShouldContain("Last Thursday of each month, 09:30 Europe/Helsinki, 45 minutes");
        overview.QuerySelectorAll("[data-testid=upcoming-sessions] [data-testid=session-title]").Count(a => a.TextContent == "Helsinki breakfast briefing").ShouldBe(WebinarPlanner.Horizon);
    }

    [Fact]
    public async Task CreateSeries_UnknownZoneTooLongAndNoTitle_ReshowsWhatWasTypedWithMessagesAndStoresNothing()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var before = await portal.WithDbAsync(db => db.WebinarSeries.CountAsync(Token));

        // Act
        using var response = await SubmitAsync(client, "/admin/webinars/series/new", "form[data-testid=series-form]", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Week"] = "Third",
            ["Input.DayOfWeek"] = "Wednesday",
            ["Input.StartTime"] = "16:45",
            ["Input.TimeZoneId"] = "Mars/Olympus_Mons",
            ["Input.DurationMinutes"] = "600",
            ["Input.DefaultCapacity"] = "33",
        });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(page, "Input.Title").ShouldBe("Give the series a title.");
        Message(page, "Input.TimeZoneId").ShouldBe("'Mars/Olympus_Mons' is not a known IANA time zone id; use one such as Europe/Brussels.");
        Message(page, "Input.DurationMinutes").ShouldBe("The duration must be between 1 minute and 8 hours.");
        Field(page, "Input.Week").ShouldBe("Third");
        Field(page, "Input.DayOfWeek").ShouldBe("Wednesday");
        Field(page, "Input.StartTime").ShouldBe("16:45");
        Field(page, "Input.TimeZoneId").ShouldBe("Mars/Olympus_Mons");
        Field(page, "Input.DurationMinutes").ShouldBe("600");
        Field(page, "Input.DefaultCapacity").ShouldBe("33");
        (await portal.WithDbAsync(db => db.WebinarSeries.CountAsync(Token))).ShouldBe(before);
    }

    [Fact]
    public async Task EditSeries_NewRule_LeavesPlannedSessionsWhereTheyWere()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var created = await SubmitAsync(client, "/admin/webinars/series/new", "form[data-testid=series-form]", new Dictionary<string, string>
        {
            ["Input.Title"] = "Series that changes day",
            ["Input.TimeZoneId"] = "Europe/Brussels",
        });
        var path = created.Headers.Location!.OriginalString;
        var seriesId = Guid.Parse(path[(path.LastIndexOf('/') + 1)..]);
        var before = await portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().Where(s => s.SeriesId == seriesId).OrderBy(s => s.StartsAt).Select(s => s.StartsAt).ToListAsync(Token));

        // Act
        using var response = await SubmitAsync(client, path, "form[data-testid=series-form]", new Dictionary<string, string> { ["Input.DayOfWeek"] = "Thursday" });
        var page = await client.GetDocumentAsync(path);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var series = await portal.WithDbAsync(db => db.WebinarSeries.AsNoTracking().SingleAsync(s => s.Id == seriesId, Token));
        series.DayOfWeek.ShouldBe(DayOfWeek.Thursday);
        var after = await portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().Where(s => s.SeriesId == seriesId).Select(s => s.StartsAt).ToListAsync(Token));
        before.Except(after).ShouldBeEmpty("no planned session moves when the rule changes");
        page.QuerySelector("[data-testid=rule-note]")!.TextContent.ShouldContain("never moves sessions already planned");
        (await AuditActionsAsync(portal, WebinarAdministration.SeriesSubject(seriesId))).ShouldBe([WebinarAdministration.CreateSeriesAction, WebinarAdministration.EditSeriesAction]);
    }

    [Fact]
    public async Task Details_ValidForm_SavesRenderedAbstractLinkTlpAndCapacity()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Details session", capacity: 1);
        var first = await AddMemberAsync(portal, "First In");
        await RegisterAsync(portal, session.Id, first.Id, RegistrationStatus.Confirmed, DateTimeOffset.UtcNow.AddMinutes(-10));
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await SubmitAsync(client, SessionPath(session.Id), DetailsForm, new Dictionary<string, string>
        {
            ["Details.Title"] = "  Zero trust in practice  ",
            ["Details.Abstract"] = "How we **segmented** the plant. [x](javascript:alert(1))",
            ["Details.Tlp"] = "Green",
            ["Details.MeetingLink"] = "https://meet.example/cec-zero-trust",
            ["Details.Capacity"] = "2",
        });
        var page = await client.GetDocumentAsync(SessionPath(session.Id));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var stored = await StoredSessionAsync(portal, session.Id);
        stored.Title.ShouldBe("Zero trust in practice");
        stored.AbstractHtml.ShouldContain("<strong>segmented</strong>");
        stored.AbstractHtml.ShouldNotContain("javascript", Case.Insensitive);
        stored.Tlp.ShouldBe(TlpLabel.Green);
        stored.MeetingLink.ShouldBe("https://meet.example/cec-zero-trust");
        stored.Capacity.ShouldBe(2);
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("The session's details are saved.");
        page.QuerySelector("[data-testid=places]")!.TextContent.ShouldBe("1 of 2 places taken, 0 waiting.");
        page.QuerySelector("[data-testid=abstract-preview] strong")!.TextContent.ShouldBe("segmented");
        (await AuditActionsAsync(portal, WebinarAdministration.SessionSubject(session.Id))).ShouldBe([WebinarAdministration.DescribeSessionAction]);
    }

    [Fact]
    public async Task Details_JavascriptMeetingLinkAndNoTitle_ReshowsWhatWasTypedAndChangesNothing()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Stays as it was");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await SubmitAsync(client, SessionPath(session.Id), DetailsForm, new Dictionary<string, string>
        {
            ["Details.Title"] = "",
            ["Details.Abstract"] = "My long abstract that must survive.",
            ["Details.MeetingLink"] = "javascript:alert(1)",
            ["Details.Capacity"] = "0",
        });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(page, "Details.Title").ShouldBe("Give the session a title.");
        Message(page, "Details.MeetingLink").ShouldStartWith("Enter a full web address starting with https://");
        Message(page, "Details.Capacity").ShouldBe("The capacity must be between 1 and 10000.");
        Field(page, "Details.Abstract").ShouldBe("My long abstract that must survive.");
        Field(page, "Details.MeetingLink").ShouldBe("javascript:alert(1)");
        var stored = await StoredSessionAsync(portal, session.Id);
        stored.Title.ShouldBe("Stays as it was");
        stored.MeetingLink.ShouldBeNull();
    }

    [Fact]
    public async Task Details_AfterSomeoneElseChangedTheSession_ShowsTheStaleMessageAndKeepsTheTypedText()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Original session title");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var (action, fields) = await ReadFormAsync(client, SessionPath(session.Id), DetailsForm);
        await portal.WithServiceAsync<WebinarSessionChanges>(changes =>
            changes.DescribeAsync(session.Id, session.Version, new SessionDetails("Their title", string.Empty, TlpLabel.Amber, null, 50), Token));
        fields["Details.Title"] = "My title";
        fields["Details.Abstract"] = "My abstract that must survive.";

        // Act
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(action, UriKind.Relative), content, Token);
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=details-error]")!.TextContent.ShouldBe(WebinarSessionChanges.StaleMessage);
        Field(page, "Details.Title").ShouldBe("My title");
        Field(page, "Details.Abstract").ShouldBe("My abstract that must survive.");
        (await StoredSessionAsync(portal, session.Id)).Title.ShouldBe("Their title");
        (await AuditActionsAsync(portal, WebinarAdministration.SessionSubject(session.Id))).ShouldBeEmpty("a refused change leaves no audit entry");
    }

    [Fact]
    public async Task Move_NewLocalTimeInTheSessionsZone_StoresTheUtcInstantAndShowsTheNewTime()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Helsinki session", daysAhead: 40, zoneId: "Europe/Helsinki");
        var newDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(45);
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await SubmitAsync(client, SessionPath(session.Id), MoveForm, new Dictionary<string, string>
        {
            ["Move.Date"] = newDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Move.StartTime"] = "16:30",
            ["Move.DurationMinutes"] = "90",
        });
        var page = await client.GetDocumentAsync(SessionPath(session.Id));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var stored = await StoredSessionAsync(portal, session.Id);
        var expected = WallClock.ToUtc(newDate, new TimeOnly(16, 30), TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki"));
        stored.StartsAt.ShouldBe(expected);
        stored.EndsAt.ShouldBe(expected.AddMinutes(90));
        stored.Sequence.ShouldBe(1);
        stored.MovedByHand.ShouldBeTrue();
        page.QuerySelector("[data-testid=session-when]")!.TextContent.ShouldBe(WebinarAdminText.When(expected, "Europe/Helsinki"));
        page.QuerySelector("[data-testid=session-when]")!.TextContent.ShouldEndWith("16:30");
        Field(page, "Move.StartTime").ShouldBe("16:30");
        (await AuditActionsAsync(portal, WebinarAdministration.SessionSubject(session.Id))).ShouldBe([WebinarAdministration.MoveSessionAction]);
    }

    [Fact]
    public async Task Move_IntoThePast_ReshowsTheTypedTimeWithTheReason()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Cannot go back");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await SubmitAsync(client, SessionPath(session.Id), MoveForm, new Dictionary<string, string>
        {
            ["Move.Date"] = "2020-01-07",
            ["Move.StartTime"] = "11:15",
        });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=move-error]")!.TextContent.ShouldBe("A session can only be moved to a time in the future.");
        Field(page, "Move.Date").ShouldBe("2020-01-07");
        Field(page, "Move.StartTime").ShouldBe("11:15");
        (await StoredSessionAsync(portal, session.Id)).StartsAt.ShouldBe(session.StartsAt);
    }

    [Fact]
    public async Task Cancel_WithoutTheTick_IsRefusedAndWithIt_CancelsTheSession()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "To be cancelled");
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var unticked = await SubmitAsync(client, SessionPath(session.Id), CancelForm, new Dictionary<string, string>());
        var refusedPage = await unticked.ReadDocumentAsync();
        var afterRefusal = await StoredSessionAsync(portal, session.Id);
        using var ticked = await SubmitAsync(client, SessionPath(session.Id), CancelForm, new Dictionary<string, string> { ["Cancel.Confirmed"] = "true" });
        var page = await client.GetDocumentAsync(SessionPath(session.Id));

        // Assert
        unticked.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(refusedPage, "Cancel.Confirmed").ShouldBe("Tick the box to confirm that the session is cancelled for everyone.");
        afterRefusal.Status.ShouldBe(WebinarStatus.Planned);
        ticked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(ticked));
        var stored = await StoredSessionAsync(portal, session.Id);
        stored.Status.ShouldBe(WebinarStatus.Cancelled);
        stored.Sequence.ShouldBe(1);
        page.QuerySelector("[data-testid=session-status]")!.TextContent.ShouldBe("Cancelled");
        page.QuerySelector(MoveForm).ShouldBeNull();
        (await AuditActionsAsync(portal, WebinarAdministration.SessionSubject(session.Id))).ShouldBe([WebinarAdministration.CancelSessionAction]);
    }

    [Fact]
    public async Task Confirm_PlannedSession_IsConfirmed()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "To be confirmed");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var response = await SubmitAsync(client, SessionPath(session.Id), "form[data-testid=confirm-form]", new Dictionary<string, string>());

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        (await StoredSessionAsync(portal, session.Id)).Status.ShouldBe(WebinarStatus.Confirmed);
        (await AuditActionsAsync(portal, WebinarAdministration.SessionSubject(session.Id))).ShouldBe([WebinarAdministration.ConfirmSessionAction]);
    }

    [Fact]
    public async Task Speakers_SearchAddMemberAddGuestAndRemove_ChangeTheSpeakerList()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Speakers session");
        var member = await AddMemberAsync(portal, "Kaisa Speakerinen");
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        var search = await client.GetDocumentAsync($"{SessionPath(session.Id)}?speaker=speakerinen");
        using var addMember = await SubmitAsync(client, $"{SessionPath(session.Id)}?speaker=speakerinen", "[data-testid=member-matches] form", new Dictionary<string, string>());
        using var addGuest = await SubmitAsync(client, SessionPath(session.Id), "form[data-testid=guest-form]", new Dictionary<string, string>
        {
            ["Guest.Name"] = "Dr. Outside Expert",
            ["Guest.Organisation"] = "ENISA (guest)",
        });
        var withBoth = await client.GetDocumentAsync(SessionPath(session.Id));
        using var remove = await SubmitAsync(client, SessionPath(session.Id), "[data-testid=speakers] form", new Dictionary<string, string>());
        var afterRemoval = await client.GetDocumentAsync(SessionPath(session.Id));

        // Assert
        search.QuerySelectorAll("[data-testid=match-name]").Select(e => e.TextContent).ShouldBe(["Kaisa Speakerinen"]);
        addMember.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(addMember));
        addGuest.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(addGuest));
        withBoth.QuerySelectorAll("[data-testid=speaker-name]").Select(e => e.TextContent).ShouldBe(["Kaisa Speakerinen", "Dr. Outside Expert"]);
        remove.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterRemoval.QuerySelectorAll("[data-testid=speaker-name]").Select(e => e.TextContent).ShouldBe(["Dr. Outside Expert"]);
        var speakers = await portal.WithDbAsync(db => db.WebinarSpeakers.AsNoTracking().Where(s => s.SessionId == session.Id).ToListAsync(Token));
        speakers.ShouldHaveSingleItem().GuestOrganisation.ShouldBe("ENISA (guest)");
        (await AuditActionsAsync(portal, WebinarAdministration.SessionSubject(session.Id)))
            .ShouldBe([WebinarAdministration.AddSpeakerAction, WebinarAdministration.AddSpeakerAction, WebinarAdministration.RemoveSpeakerAction]);
    }

    [Fact]
    public async Task Get_SessionWithWaitingList_ListsConfirmedInOrderThenTheLineWithPositions()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Full session", capacity: 2);
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        string[] names = ["Ada Early", "Ben Second", "Cleo Waiting", "Dan Last"];
        for (var i = 0; i < names.Length; i++)
        {
            var member = await AddMemberAsync(portal, names[i]);
            await RegisterAsync(portal, session.Id, member.Id, i < 2 ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted, start.AddMinutes(i));
        }

        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        var page = await client.GetDocumentAsync(SessionPath(session.Id));
        var overview = await client.GetDocumentAsync("/admin/webinars");

        // Assert
        page.QuerySelectorAll("[data-testid=confirmed-registrations] [data-testid=registrant]").Select(e => e.TextContent).ShouldBe(["Ada Early", "Ben Second"]);
        page.QuerySelectorAll("[data-testid=waiting-list] [data-testid=registrant]").Select(e => e.TextContent).ShouldBe(["Cleo Waiting", "Dan Last"]);
        page.QuerySelectorAll("[data-testid=waiting-list] [data-testid=position]").Select(e => e.TextContent).ShouldBe(["1", "2"]);
        var row = overview.QuerySelector($"[data-testid=upcoming-sessions] tr[data-session='{session.Id}']")!;
        row.QuerySelector("[data-testid=registered]")!.TextContent.ShouldBe("2 / 2");
        row.QuerySelector("[data-testid=waiting]")!.TextContent.ShouldBe("2");
    }

    [Fact]
    public async Task NewSession_OneOffInLisbon_IsPlannedOutsideAnySeries()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

        // Act
        using var response = await SubmitAsync(client, "/admin/webinars/sessions/new", "form[data-testid=session-form]", new Dictionary<string, string>
        {
            ["Input.Title"] = "Special edition: NIS2 audits",
            ["Input.Date"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "10:00",
            ["Input.TimeZoneId"] = "Europe/Lisbon",
            ["Input.DurationMinutes"] = "30",
            ["Input.Capacity"] = "12",
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var stored = await portal.WithDbAsync(db => db.WebinarSessions.AsNoTracking().SingleAsync(s => s.Title == "Special edition: NIS2 audits", Token));
        response.Headers.Location!.OriginalString.ShouldBe(SessionPath(stored.Id));
        stored.SeriesId.ShouldBeNull();
        stored.StartsAt.ShouldBe(WallClock.ToUtc(date, new TimeOnly(10, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon")));
        (stored.EndsAt - stored.StartsAt).ShouldBe(TimeSpan.FromMinutes(30));
        stored.Capacity.ShouldBe(12);
        (await AuditActionsAsync(portal, WebinarAdministration.SessionSubject(stored.Id))).ShouldBe([WebinarAdministration.CreateSessionAction]);
    }

    [Fact]
    public async Task Held_PastSession_BadLinkIsRefusedAsTypedAndAGoodOneMarksItHeld()
    {
        // Arrange
        var startsAt = DateTimeOffset.UtcNow.AddDays(-2);
        var session = WebinarSession.PlanOneOff("Yesterday's session", startsAt, TimeSpan.FromMinutes(60), "Europe/Brussels", 30, startsAt.AddDays(-30));
        await portal.WithDbAsync(db =>
        {
            db.WebinarSessions.Add(session);
            return db.SaveChangesAsync(Token);
        });
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);

        // Act
        using var bad = await SubmitAsync(client, SessionPath(session.Id), "form[data-testid=held-form]", new Dictionary<string, string> { ["Held.RecordingLink"] = "ftp://files.example/recording" });
        var refusedPage = await bad.ReadDocumentAsync();
        using var good = await SubmitAsync(client, SessionPath(session.Id), "form[data-testid=held-form]", new Dictionary<string, string> { ["Held.RecordingLink"] = "https://recordings.example/yesterday" });
        var overview = await client.GetDocumentAsync("/admin/webinars");

        // Assert
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(refusedPage, "Held.RecordingLink").ShouldStartWith("Enter a full web address starting with https://");
        Field(refusedPage, "Held.RecordingLink").ShouldBe("ftp://files.example/recording");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(good));
        var stored = await StoredSessionAsync(portal, session.Id);
        stored.Status.ShouldBe(WebinarStatus.Held);
        stored.RecordingLink.ShouldBe("https://recordings.example/yesterday");
        overview.QuerySelector($"[data-testid=past-sessions] tr[data-session='{session.Id}'] [data-testid=status]")!.TextContent.Trim().ShouldBe("Held");
        (await AuditActionsAsync(portal, WebinarAdministration.SessionSubject(session.Id))).ShouldBe([WebinarAdministration.MarkHeldAction]);
    }

    [Fact]
    public async Task PauseAndResume_Series_ChangesItsStateAndAudits()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        using var created = await SubmitAsync(client, "/admin/webinars/series/new", "form[data-testid=series-form]", new Dictionary<string, string>
        {
            ["Input.Title"] = "Series to pause",
            ["Input.TimeZoneId"] = "Europe/Lisbon",
        });
        var path = created.Headers.Location!.OriginalString;
        var seriesId = Guid.Parse(path[(path.LastIndexOf('/') + 1)..]);

        // Act
        using var pause = await SubmitAsync(client, path, "form[data-testid=series-state-form]", new Dictionary<string, string>());
        var paused = await client.GetDocumentAsync(path);
        using var resume = await SubmitAsync(client, path, "form[data-testid=series-state-form]", new Dictionary<string, string>());
        var resumed = await client.GetDocumentAsync(path);

        // Assert
        pause.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        paused.QuerySelector("[data-testid=series-status]")!.TextContent.ShouldBe("Paused");
        resume.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        resumed.QuerySelector("[data-testid=series-status]")!.TextContent.ShouldBe("Active");
        (await AuditActionsAsync(portal, WebinarAdministration.SeriesSubject(seriesId)))
            .ShouldBe([WebinarAdministration.CreateSeriesAction, WebinarAdministration.PauseSeriesAction, WebinarAdministration.ResumeSeriesAction]);
    }

    private static Uri Url(string path, Guid? id = null) => new(path.Replace("{id}", id?.ToString() ?? string.Empty, StringComparison.Ordinal), UriKind.Relative);

    private static async Task<string?> ErrorsAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK
            ? string.Join(" | ", (await response.ReadDocumentAsync()).QuerySelectorAll(".text-danger, .alert-danger").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0))
            : null;
}
