using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Webinars;
using CecPortal.Web.Features.Webinars.Registration;
using CecPortal.Web.Features.Webinars.Sessions;
using CecPortal.Web.SharedKernel;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Webinars;

/// <summary>The member webinar pages: the list in the member's own zone, a session's page, registering and cancelling.</summary>
public sealed class WebinarMemberPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/webinars")]
    [InlineData("/webinars/0197a1c2-0000-7000-8000-000000000001")]
    [InlineData("/webinars/propose")]
    public async Task Get_Anonymously_RedirectsToSignIn(string path)
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login?ReturnUrl=");
    }

    [Fact]
    public async Task GetIndex_MembersInHelsinkiAndLisbon_SeeTheSessionInTheirOwnZoneBesideBrusselsTime()
    {
        // Arrange: one chose Helsinki in the profile, the other has no setting and works in Portugal.
        var sessionId = await portal.AddSessionAsync("Zones on the wall clock", MemberWebinarArrange.December2030);
        await portal.CreateMemberAsync("zones.helsinki@it.example", "BE", "Europe/Helsinki");
        await portal.CreateMemberAsync("zones.lisbon@it.example", "PT");
        using var helsinki = await portal.SignedInClientAsync("zones.helsinki@it.example");
        using var lisbon = await portal.SignedInClientAsync("zones.lisbon@it.example");

        // Act
        var helsinkiPage = await helsinki.GetDocumentAsync("/webinars");
        var lisbonPage = await lisbon.GetDocumentAsync("/webinars");

        // Assert
        var inHelsinki = helsinkiPage.QuerySelector($"[data-testid=session][data-session='{sessionId}']")!;
        inHelsinki.QuerySelector("[data-testid=local-time]")!.TextContent.ShouldBe("Tue 10 Dec 2030, 16:00 (Helsinki)");
        inHelsinki.QuerySelector("[data-testid=organiser-time]")!.TextContent.ShouldBe(" · 15:00 Brussels time");
        inHelsinki.QuerySelector("time")!.GetAttribute("datetime").ShouldBe("2030-12-10T14:00Z");
        helsinkiPage.QuerySelector("[data-testid=zone-note]")!.TextContent.ShouldContain("Helsinki time (Europe/Helsinki), as set in your profile");
        var inLisbon = lisbonPage.QuerySelector($"[data-testid=session][data-session='{sessionId}']")!;
        inLisbon.QuerySelector("[data-testid=local-time]")!.TextContent.ShouldBe("Tue 10 Dec 2030, 14:00 (Lisbon)");
        inLisbon.QuerySelector("[data-testid=organiser-time]")!.TextContent.ShouldBe(" · 15:00 Brussels time");
        lisbonPage.QuerySelector("[data-testid=zone-note]")!.TextContent.ShouldContain("Lisbon time (Europe/Lisbon), the zone of your country");
        lisbonPage.QuerySelector("[data-testid=zone-note] a")!.GetAttribute("href").ShouldBe("/profile#webinars");
    }

    [Fact]
    public async Task PostRegister_SessionFull_SecondMemberSeesTheirPlaceInLine()
    {
        // Arrange
        var sessionId = await portal.AddSessionAsync("Full house", MemberWebinarArrange.December2030.AddDays(1), capacity: 1);
        await portal.CreateMemberAsync("full.first@it.example", "FR");
        await portal.CreateMemberAsync("full.second@it.example", "FR");
        using var first = await portal.SignedInClientAsync("full.first@it.example");
        using var second = await portal.SignedInClientAsync("full.second@it.example");
        var path = WebinarPaths.Session(sessionId);

        // Act
        using var firstResponse = await first.SubmitFormAsync(path, new Dictionary<string, string>(), "[data-testid=register-form]");
        var firstPage = await first.GetDocumentAsync(path);
        using var secondResponse = await second.SubmitFormAsync(path, new Dictionary<string, string>(), "[data-testid=register-form]");
        var secondPage = await second.GetDocumentAsync(path);
        var secondIndex = await second.GetDocumentAsync("/webinars");
        var firstIndex = await first.GetDocumentAsync("/webinars");

        // Assert
        firstResponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        firstResponse.Headers.Location!.OriginalString.ShouldBe(path);
        firstPage.QuerySelector("[role=status]")!.TextContent.ShouldBe("You are registered. The meeting link is below.");
        firstPage.QuerySelector("[data-testid=place-status]")!.TextContent.ShouldBe("You are registered.");
        secondResponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        secondPage.QuerySelector("[role=status]")!.TextContent.ShouldStartWith("The session is full: you are 1st on the waiting list.");
        secondPage.QuerySelector("[data-testid=place-status]")!.TextContent.ShouldStartWith("You are 1st on the waiting list.");
        var secondEntry = secondIndex.QuerySelector($"[data-testid=session][data-session='{sessionId}']")!;
        secondEntry.QuerySelector("[data-testid=places]")!.TextContent.ShouldBe("Full: waiting list");
        secondEntry.QuerySelector("[data-testid=standing]")!.TextContent.ShouldBe("1st in line");
        secondIndex.QuerySelector($"[data-testid=my-registration][data-session='{sessionId}'] [data-testid=standing]")!.TextContent.ShouldBe("1st in line");
        firstIndex.QuerySelector($"[data-testid=my-registration][data-session='{sessionId}'] [data-testid=standing]")!.TextContent.ShouldBe("Registered");
    }

    [Fact]
    public async Task GetSession_MeetingLink_ShownOnlyOnceThePlaceIsConfirmed()
    {
        // Arrange: one place, taken by someone else; our member waits.
        const string link = "https://meet.example/cec-secret-room";
        var sessionId = await portal.AddSessionAsync("Secret room", MemberWebinarArrange.December2030.AddDays(2), capacity: 1, meetingLink: link);
        var holderId = await portal.CreateMemberAsync("link.holder@it.example", "FR");
        var waiterId = await portal.CreateMemberAsync("link.waiter@it.example", "FR");
        await portal.RegisterAsync(sessionId, holderId);
        await portal.RegisterAsync(sessionId, waiterId);
        using var waiter = await portal.SignedInClientAsync("link.waiter@it.example");
        using var bystander = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var path = WebinarPaths.Session(sessionId);

        // Act
        var whileWaiting = await waiter.GetDocumentAsync(path);
        using var icsWhileWaiting = await waiter.GetAsync(new Uri(path + "?handler=Calendar", UriKind.Relative), Token);
        var notRegistered = await bystander.GetDocumentAsync(path);
        await portal.WithServiceAsync<WebinarAttendance>(a => a.CancelAsync(sessionId, holderId, Token));
        var confirmed = await waiter.GetDocumentAsync(path);
        var icsPath = confirmed.QuerySelector("[data-testid=download-ics]")!.GetAttribute("href")!;
        using var ics = await waiter.GetAsync(new Uri(icsPath, UriKind.Relative), Token);

        // Assert
        whileWaiting.Body!.InnerHtml.ShouldNotContain(link);
        whileWaiting.QuerySelector("[data-testid=download-ics]").ShouldBeNull();
        whileWaiting.QuerySelector("[data-testid=place-status]")!.TextContent.ShouldStartWith("You are 1st on the waiting list.");
        icsWhileWaiting.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        notRegistered.Body!.InnerHtml.ShouldNotContain(link);
        confirmed.QuerySelector("[data-testid=meeting-link] a")!.GetAttribute("href").ShouldBe(link);
        ics.StatusCode.ShouldBe(HttpStatusCode.OK);
        ics.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendarEvent = Calendar.Load(await ics.Content.ReadAsStringAsync(Token))!.Events.Single();
        calendarEvent.Summary.ShouldBe("Secret room");
        calendarEvent.Location.ShouldBe(link);
        calendarEvent.DtStart!.AsUtc.ShouldBe(MemberWebinarArrange.December2030.AddDays(2).UtcDateTime);
    }

    [Fact]
    public async Task PostCancel_ConfirmedMember_FreesThePlaceAndSaysSo()
    {
        // Arrange
        var sessionId = await portal.AddSessionAsync("Change of plans", MemberWebinarArrange.December2030.AddDays(3));
        var memberId = await portal.CreateMemberAsync("cancel.me@it.example", "FR");
        await portal.RegisterAsync(sessionId, memberId);
        using var client = await portal.SignedInClientAsync("cancel.me@it.example");
        var path = WebinarPaths.Session(sessionId);

        // Act
        using var response = await client.SubmitFormAsync(path, new Dictionary<string, string>(), "[data-testid=cancel-form]");
        var page = await client.GetDocumentAsync(path);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector("[role=status]")!.TextContent.ShouldBe("Your registration is cancelled.");
        page.QuerySelector("[data-testid=register-form]").ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.WebinarRegistrations.Where(r => r.SessionId == sessionId && r.MemberId == memberId).Select(r => r.Status).SingleAsync(Token)))
            .ShouldBe(RegistrationStatus.Cancelled);
    }

    [Fact]
    public async Task PostRegister_SessionCancelledMeanwhile_ShowsWhyAndRegistersNobody()
    {
        // Arrange: the page is open when staff cancel the session.
        var sessionId = await portal.AddSessionAsync("Called off", MemberWebinarArrange.December2030.AddDays(4));
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var path = WebinarPaths.Session(sessionId);
        var openPage = await client.GetDocumentAsync(path);
        await portal.WithDbAsync(db => db.WebinarSessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, WebinarStatus.Cancelled), Token));

        // Act
        using var response = await client.PostFormAsync(openPage, "[data-testid=register-form]", path);
        var page = await response.ReadDocumentAsync();
        var index = await client.GetDocumentAsync("/webinars");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("This session was cancelled.");
        page.QuerySelector("[data-testid=place-status]")!.TextContent.ShouldBe("This session was cancelled.");
        (await portal.WithDbAsync(db => db.WebinarRegistrations.CountAsync(r => r.SessionId == sessionId, Token))).ShouldBe(0);
        var entry = index.QuerySelector($"[data-testid=session][data-session='{sessionId}']")!;
        entry.ClassList.ShouldContain("webinar-cancelled");
        entry.QuerySelector("[data-testid=cancelled]")!.TextContent.ShouldBe("Cancelled");
        entry.QuerySelector("[data-testid=register-form]").ShouldBeNull();
    }

    [Fact]
    public async Task GetIndex_HeldSession_IsListedAsPastWithItsRecording()
    {
        // Arrange
        const string recording = "https://video.example/recordings/ot-patching";
        var startsAt = DateTimeOffset.UtcNow.AddDays(-40);
        var sessionId = await portal.AddSessionAsync("OT patching, held", startsAt, tlp: TlpLabel.Amber, change: (s, now) => s.MarkHeld(recording, now));
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var index = await client.GetDocumentAsync("/webinars");

        // Assert
        var entry = index.QuerySelector($"[data-testid=past-session][data-session='{sessionId}']")!;
        entry.QuerySelector("[data-testid=recording]")!.GetAttribute("href").ShouldBe(recording);
        entry.QuerySelector("[data-testid=tlp]")!.TextContent.ShouldBe("TLP:AMBER");
        index.QuerySelector($"[data-testid=session][data-session='{sessionId}']").ShouldBeNull();
    }

    [Fact]
    public async Task GetSession_ShowsTheLabelTheSanitizedAbstractAndTheSpeakers()
    {
        // Arrange
        var speakerId = await portal.CreateMemberAsync("speaker.member@it.example", "NL");
        var sessionId = await portal.AddSessionAsync(
            "Supplier risk, honestly",
            MemberWebinarArrange.December2030.AddDays(5),
            tlp: TlpLabel.AmberStrict,
            abstractMarkdown: "We **rank** suppliers.<script>alert(1)</script>");
        await portal.WithDbAsync(db =>
        {
            db.WebinarSpeakers.AddRange(WebinarSpeaker.Member(sessionId, speakerId), WebinarSpeaker.Guest(sessionId, "Dr. Ana Guest", "ENISA"));
            return db.SaveChangesAsync(Token);
        });
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync(WebinarPaths.Session(sessionId));
        var index = await client.GetDocumentAsync("/webinars");

        // Assert
        page.QuerySelector("[data-testid=tlp-banner] .tlp-label")!.TextContent.ShouldBe("TLP:AMBER+STRICT");
        page.QuerySelector("[data-testid=webinar-title]")!.TextContent.ShouldBe("Supplier risk, honestly");
        page.QuerySelector("[data-testid=abstract] strong")!.TextContent.ShouldBe("rank");
        page.QuerySelector("[data-testid=abstract] script").ShouldBeNull();
        page.QuerySelector("[data-testid=speakers]")!.TextContent.ShouldBe("speaker.member, Dr. Ana Guest (ENISA)");
        page.QuerySelector("[data-testid=local-time]")!.TextContent.ShouldBe("Sun 15 Dec 2030, 15:00 (Paris)");
        page.QuerySelector("[data-testid=organiser-time]")!.TextContent.ShouldBe(" · 15:00 Brussels time", "the organiser's zone is named even when its clock agrees");
        index.QuerySelector($"[data-testid=session][data-session='{sessionId}'] [data-testid=speakers]")!.TextContent.ShouldBe("speaker.member, Dr. Ana Guest (ENISA)");
    }

    [Fact]
    public async Task GetSession_Unknown_Is404()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        using var response = await client.GetAsync(new Uri(WebinarPaths.Session(Guid.CreateVersion7()), UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
