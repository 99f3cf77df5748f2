using System.Globalization;
using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Webinars.Proposals;
using CecPortal.Web.Features.Webinars.Registration;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Calendar = Ical.Net.Calendar;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>
/// What a member sets up for webinars: talk proposals (call for speakers), their time zone, and the personal calendar
/// feed, whose secret token is the only credential.
/// </summary>
public sealed class WebinarMemberSettingsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string NextMonth(int monthsAhead)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, MemberWebinarArrange.Brussels).DateTime);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(monthsAhead).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task PostPropose_Valid_CreatesTheProposalAndListsItAsSubmitted()
    {
        // Arrange
        await portal.CreateMemberAsync("speaker.keen@it.example", "DE");
        using var client = await portal.SignedInClientAsync("speaker.keen@it.example");

        // Act
        using var response = await client.SubmitFormValuesAsync("/webinars/propose",
        [
            KeyValuePair.Create("Input.Title", "  Tabletop exercises that work  "),
            KeyValuePair.Create("Input.Abstract", "How we run **quarterly** exercises."),
            KeyValuePair.Create("Input.Months", NextMonth(2)),
            KeyValuePair.Create("Input.Months", NextMonth(3)),
        ], "[data-testid=proposal-form]");
        var page = await client.GetDocumentAsync("/webinars/propose");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/webinars/propose#proposals");
        var stored = await portal.WithDbAsync(db => db.TalkProposals.AsNoTracking().SingleAsync(p => p.Title == "Tabletop exercises that work", Token));
        stored.Status.ShouldBe(ProposalStatus.Submitted);
        stored.PreferredMonths.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ShouldBe([NextMonth(2), NextMonth(3)]);
        var listed = page.QuerySelector($"[data-testid=proposal][data-proposal='{stored.Id}']")!;
        listed.QuerySelector("[data-testid=proposal-title]")!.TextContent.ShouldBe("Tabletop exercises that work");
        listed.QuerySelector("[data-testid=proposal-status]")!.TextContent.ShouldBe("Submitted");
    }

    [Fact]
    public async Task PostPropose_NoMonthTicked_ReshowsTheFormWithWhatWasTyped()
    {
        // Arrange
        await portal.CreateMemberAsync("speaker.hasty@it.example", "DE");
        using var client = await portal.SignedInClientAsync("speaker.hasty@it.example");

        // Act
        using var response = await client.SubmitFormValuesAsync("/webinars/propose",
        [
            KeyValuePair.Create("Input.Title", "Zero trust in plants"),
            KeyValuePair.Create("Input.Abstract", "Segmenting **OT** networks."),
        ], "[data-testid=proposal-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=months-error]")!.TextContent.ShouldBe("Choose at least one month in which you could speak.");
        page.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Zero trust in plants");
        page.QuerySelector("#Input_Abstract")!.TextContent.ShouldBe("Segmenting **OT** networks.");
        page.QuerySelectorAll("input[name='Input.Months']").Length.ShouldBe(CallForSpeakers.MonthsAhead);
        (await portal.WithDbAsync(db => db.TalkProposals.CountAsync(p => p.Title == "Zero trust in plants", Token))).ShouldBe(0);
    }

    [Fact]
    public async Task PostPropose_MonthNotOffered_IsRefusedAndKeepsTheTickedMonths()
    {
        // Arrange
        await portal.CreateMemberAsync("speaker.early@it.example", "DE");
        using var client = await portal.SignedInClientAsync("speaker.early@it.example");

        // Act: this month is not offered, the next one is.
        using var response = await client.SubmitFormValuesAsync("/webinars/propose",
        [
            KeyValuePair.Create("Input.Title", "Too soon"),
            KeyValuePair.Create("Input.Abstract", "Now please."),
            KeyValuePair.Create("Input.Months", NextMonth(0)),
            KeyValuePair.Create("Input.Months", NextMonth(1)),
        ], "[data-testid=proposal-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=months-error]")!.TextContent.ShouldBe("Choose at least one of the months offered.");
        page.QuerySelector($"#month-{NextMonth(1)}")!.HasAttribute("checked").ShouldBeTrue();
        (await portal.WithDbAsync(db => db.TalkProposals.CountAsync(p => p.Title == "Too soon", Token))).ShouldBe(0);
    }

    [Fact]
    public async Task PostWithdraw_SubmittedProposal_IsWithdrawnAndDecidedOnesShowTheStaffNote()
    {
        // Arrange
        var memberId = await portal.CreateMemberAsync("speaker.shy@it.example", "DE");
        var staffId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        var submitted = TalkProposal.Submit(memberId, "Second thoughts", "Maybe not.", [new DateOnly(2030, 1, 1)], DateTimeOffset.UtcNow);
        var declined = TalkProposal.Submit(memberId, "Already covered", "Again.", [new DateOnly(2030, 2, 1)], DateTimeOffset.UtcNow.AddMinutes(-5));
        declined.Decline(staffId, "We had this topic in March; try a follow-up.", DateTimeOffset.UtcNow);
        await portal.WithDbAsync(db =>
        {
            db.TalkProposals.AddRange(submitted, declined);
            return db.SaveChangesAsync(Token);
        });
        using var client = await portal.SignedInClientAsync("speaker.shy@it.example");

        // Act
        using var response = await client.SubmitFormAsync("/webinars/propose", new Dictionary<string, string>(), $"[data-proposal='{submitted.Id}'] [data-testid=withdraw-form]");
        var page = await client.GetDocumentAsync("/webinars/propose");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Your proposal \"Second thoughts\" is withdrawn.");
        (await portal.WithDbAsync(db => db.TalkProposals.Where(p => p.Id == submitted.Id).Select(p => p.Status).SingleAsync(Token))).ShouldBe(ProposalStatus.Withdrawn);
        page.QuerySelector($"[data-proposal='{submitted.Id}'] [data-testid=proposal-status]")!.TextContent.ShouldBe("Withdrawn");
        page.QuerySelector($"[data-proposal='{submitted.Id}'] [data-testid=withdraw-form]").ShouldBeNull();
        page.QuerySelector($"[data-proposal='{declined.Id}'] [data-testid=proposal-note]")!.TextContent.ShouldContain("We had this topic in March; try a follow-up.");
        page.QuerySelector($"[data-proposal='{declined.Id}'] [data-testid=withdraw-form]").ShouldBeNull();
    }

    [Fact]
    public async Task PostWithdraw_AnotherMembersProposal_IsRefusedAndLeftAsItWas()
    {
        // Arrange
        var ownerId = await portal.CreateMemberAsync("speaker.owner@it.example", "DE");
        var memberId = await portal.CreateMemberAsync("speaker.meddler@it.example", "DE");
        var theirs = TalkProposal.Submit(ownerId, "Not yours", "Hands off.", [new DateOnly(2030, 3, 1)], DateTimeOffset.UtcNow);
        var mine = TalkProposal.Submit(memberId, "Mine", "Mine to withdraw.", [new DateOnly(2030, 3, 1)], DateTimeOffset.UtcNow);
        await portal.WithDbAsync(db =>
        {
            db.TalkProposals.AddRange(theirs, mine);
            return db.SaveChangesAsync(Token);
        });
        using var client = await portal.SignedInClientAsync("speaker.meddler@it.example");

        // Act
        using var response = await client.SubmitFormAsync("/webinars/propose", new Dictionary<string, string> { ["proposalId"] = theirs.Id.ToString() }, "[data-testid=withdraw-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=proposal-form] [role=alert]")!.TextContent.ShouldContain("This proposal does not exist.");
        page.QuerySelector("[data-testid=proposal-form] .field-validation-error").ShouldBeNull();
        (await portal.WithDbAsync(db => db.TalkProposals.Where(p => p.Id == theirs.Id).Select(p => p.Status).SingleAsync(Token))).ShouldBe(ProposalStatus.Submitted);
    }

    [Fact]
    public async Task PostTimeZone_KnownZoneThenCountry_SavesAndClearsTheSetting()
    {
        // Arrange
        var memberId = await portal.CreateMemberAsync("zone.setter@it.example", "PT");
        using var client = await portal.SignedInClientAsync("zone.setter@it.example");
        var before = await client.GetDocumentAsync("/profile");

        // Act
        using var saved = await client.SubmitFormAsync("/profile", new Dictionary<string, string> { ["Input.TimeZoneId"] = "Europe/Helsinki" }, "[data-testid=time-zone-form]");
        var afterSave = await client.GetDocumentAsync("/profile");
        var storedAfterSave = await TimeZoneOfAsync(memberId);
        using var cleared = await client.SubmitFormAsync("/profile", new Dictionary<string, string> { ["Input.TimeZoneId"] = string.Empty }, "[data-testid=time-zone-form]");

        // Assert
        before.QuerySelector("#Input_TimeZoneId option:checked")!.TextContent.ShouldBe("Use my country's zone (Lisbon time (Europe/Lisbon))");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe("/profile#webinars");
        storedAfterSave.ShouldBe("Europe/Helsinki");
        afterSave.QuerySelector("[role=status]")!.TextContent.ShouldBe("Webinar times are now shown in Helsinki time (Europe/Helsinki).");
        afterSave.QuerySelector("#Input_TimeZoneId option:checked")!.GetAttribute("value").ShouldBe("Europe/Helsinki");
        cleared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TimeZoneOfAsync(memberId)).ShouldBeNull();
    }

    [Fact]
    public async Task PostTimeZone_UnknownZone_IsRefusedAndReshownAsTyped()
    {
        // Arrange
        var memberId = await portal.CreateMemberAsync("zone.typo@it.example", "FI", "Europe/Helsinki");
        using var client = await portal.SignedInClientAsync("zone.typo@it.example");

        // Act
        using var response = await client.SubmitFormAsync("/profile", new Dictionary<string, string> { ["Input.TimeZoneId"] = "Mars/Olympus_Mons" }, "[data-testid=time-zone-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=time-zone-error]")!.TextContent.ShouldBe("Choose a time zone from the list.");
        page.QuerySelector("#Input_TimeZoneId option:checked")!.GetAttribute("value").ShouldBe("Mars/Olympus_Mons");
        (await TimeZoneOfAsync(memberId)).ShouldBe("Europe/Helsinki");
    }

    [Fact]
    public async Task GetCalendarFeed_ValidToken_ListsOnlyTheMembersConfirmedSessions()
    {
        // Arrange
        const string link = "https://meet.example/feed-room";
        var memberId = await portal.CreateMemberAsync("feed.owner@it.example", "FR");
        var otherId = await portal.CreateMemberAsync("feed.other@it.example", "FR");
        var start = MemberWebinarArrange.December2030.AddDays(20);
        var mine = await portal.AddSessionAsync("Mine, confirmed", start, meetingLink: link);
        var waiting = await portal.AddSessionAsync("Mine, waiting", start.AddDays(1), capacity: 1);
        var others = await portal.AddSessionAsync("Someone else's", start.AddDays(2));
        var calledOff = await portal.AddSessionAsync("Mine, called off", start.AddDays(3), meetingLink: link);
        var cancelledByMe = await portal.AddSessionAsync("Mine, then not", start.AddDays(4));
        await portal.RegisterAsync(mine, memberId);
        await portal.RegisterAsync(waiting, otherId);
        await portal.RegisterAsync(waiting, memberId);
        await portal.RegisterAsync(others, otherId);
        await portal.RegisterAsync(calledOff, memberId);
        await portal.RegisterAsync(cancelledByMe, memberId);
        await portal.WithServiceAsync<WebinarAttendance>(a => a.CancelAsync(cancelledByMe, memberId, Token));
        await portal.WithDbAsync(async db =>
        {
            var session = await db.WebinarSessions.SingleAsync(s => s.Id == calledOff, Token);
            session.Cancel(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Token);
        });
        using var client = await portal.SignedInClientAsync("feed.owner@it.example");
        var url = await CreateCalendarUrlAsync(client);
        using var anonymous = portal.CreateClient();

        // Act
        using var response = await anonymous.GetAsync(new Uri(url), Token);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync(Token))!;

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        calendar.Method.ShouldBe("PUBLISH");
        calendar.Events.Select(e => e.Uid).ShouldBe([$"webinar-{mine:N}@cec-portal.example", $"webinar-{calledOff:N}@cec-portal.example"], ignoreOrder: true);
        var confirmed = calendar.Events.Single(e => e.Uid!.Contains(mine.ToString("N"), StringComparison.Ordinal));
        confirmed.Status.ShouldBe("CONFIRMED");
        confirmed.Location.ShouldBe(link);
        confirmed.DtStart!.AsUtc.ShouldBe(start.UtcDateTime);
        var cancelled = calendar.Events.Single(e => e.Uid!.Contains(calledOff.ToString("N"), StringComparison.Ordinal));
        cancelled.Status.ShouldBe("CANCELLED");
        cancelled.Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task GetCalendarFeed_ReplacedRevokedUnknownOrSuspended_Is404()
    {
        // Arrange
        var memberId = await portal.CreateMemberAsync("feed.revoker@it.example", "FR");
        using var client = await portal.SignedInClientAsync("feed.revoker@it.example");
        using var anonymous = portal.CreateClient();
        var first = await CreateCalendarUrlAsync(client);
        var second = await CreateCalendarUrlAsync(client);

        // Act
        using var replaced = await anonymous.GetAsync(new Uri(first), Token);
        using var current = await anonymous.GetAsync(new Uri(second), Token);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, DateTimeOffset.UtcNow), Token));
        using var suspended = await anonymous.GetAsync(new Uri(second), Token);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, (DateTimeOffset?)null), Token));
        using var reinstated = await anonymous.GetAsync(new Uri(second), Token);
        using var revoke = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=revoke-calendar-form]");
        var afterRevoke = await client.GetDocumentAsync("/profile");
        using var revoked = await anonymous.GetAsync(new Uri(second), Token);
        using var unknown = await anonymous.GetAsync(new Uri("/webinars/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", UriKind.Relative), Token);

        // Assert
        replaced.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        current.StatusCode.ShouldBe(HttpStatusCode.OK);
        suspended.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        reinstated.StatusCode.ShouldBe(HttpStatusCode.OK);
        revoke.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterRevoke.QuerySelector("[data-testid=calendar-status]")!.TextContent.ShouldBe("You have no calendar address.");
        revoked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostCreateCalendar_ShowsTheAddressOnceAndStoresOnlyItsHash()
    {
        // Arrange
        var memberId = await portal.CreateMemberAsync("feed.once@it.example", "FR");
        using var client = await portal.SignedInClientAsync("feed.once@it.example");

        // Act
        var url = await CreateCalendarUrlAsync(client);
        var again = await client.GetDocumentAsync("/profile");
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.CalendarTokenHash).SingleAsync(Token));

        // Assert
        url.ShouldMatch("^http://localhost:5080/webinars/calendar/[A-Za-z0-9_-]{43}\\.ics$");
        again.QuerySelector("[data-testid=new-calendar-url]").ShouldBeNull();
        again.Body!.InnerHtml.ShouldNotContain(url);
        again.QuerySelector("[data-testid=calendar-status]")!.TextContent.ShouldBe("You have a calendar address.");
        var token = url[(url.LastIndexOf('/') + 1)..^".ics".Length];
        stored.ShouldBe(CecPortal.Web.Features.Briefings.FeedToken.Hash(token));
    }

    private static async Task<string> CreateCalendarUrlAsync(HttpClient client)
    {
        using var created = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=create-calendar-form]");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetDocumentAsync("/profile");
        return page.QuerySelector("#calendar-url")!.GetAttribute("value")!;
    }

    private Task<string?> TimeZoneOfAsync(string memberId) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.TimeZoneId).SingleAsync(Token));
}
