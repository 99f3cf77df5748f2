using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Webinars;
using CecPortal.Web.Features.Webinars.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Shouldly;
using static CecPortal.IntegrationTests.Webinars.WebinarAdminTestKit;

namespace CecPortal.IntegrationTests.Webinars;

public sealed class WebinarAnnouncementTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string AnnounceForm = "[data-testid=announce-form]";

    [Fact]
    public async Task Announce_ConfirmedSession_EmailsActiveMembersInTheirZoneButNotOptedOutSuspendedOrUnconfirmed()
    {
        // Arrange
        var eligible = await MemberAsync("Olli Ojala", "Europe/Helsinki");
        var optedOut = await MemberAsync("Otto Optout");
        var suspended = await MemberAsync("Sami Suspended", suspended: true);
        var unconfirmed = await MemberAsync("Una Unconfirmed");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == optedOut.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.WebinarAnnouncementsOptOutAt, DateTimeOffset.UtcNow), Token));
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == unconfirmed.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false), Token));
        var session = await AddSessionAsync(portal, "Ransomware tabletop lessons", daysAhead: 40, zoneId: "Europe/Brussels");
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        using var confirm = await SubmitAsync(editor, SessionPath(session.Id), "[data-testid=confirm-form]", new Dictionary<string, string>());

        // Act
        using var announce = await SubmitAsync(editor, SessionPath(session.Id), AnnounceForm, new Dictionary<string, string>());
        var email = await portal.Smtp.WaitForAsync(m => IsTo(m, eligible.Email) && m.Subject == "New peer webinar: Ransomware tabletop lessons");
        var announcedTo = await AnnouncedToAsync(session.Id);
        var page = await editor.GetDocumentAsync(SessionPath(session.Id));

        // Assert
        announce.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        email.TextBody!.ShouldContain("16:00–17:00 Europe/Helsinki time");
        email.TextBody!.ShouldContain($"/webinars/{session.Id}");
        announcedTo.ShouldContain(eligible.Id);
        announcedTo.ShouldContain(await portal.UserIdAsync(PortalFactory.MemberEmail));
        announcedTo.ShouldNotContain(optedOut.Id);
        announcedTo.ShouldNotContain(suspended.Id);
        announcedTo.ShouldNotContain(unconfirmed.Id);
        announcedTo.ShouldNotContain(await portal.UserIdAsync(PortalFactory.EditorEmail));
        var queuedTo = await portal.WithDbAsync(db => db.OutboundEmails.Where(e => e.Subject == "New peer webinar: Ransomware tabletop lessons").Select(e => e.To).ToListAsync(Token));
        queuedTo.ShouldNotContain(optedOut.Email);
        queuedTo.ShouldNotContain(suspended.Email);
        queuedTo.ShouldNotContain(unconfirmed.Email);
        queuedTo.Count.ShouldBe(announcedTo.Count);
        page.QuerySelector("[data-testid=announced]").ShouldNotBeNull();
        page.QuerySelector(AnnounceForm).ShouldBeNull();
        (await AuditActionsAsync(portal, WebinarAdministration.SessionSubject(session.Id))).ShouldContain(WebinarAdministration.AnnounceSessionAction);
    }

    [Fact]
    public async Task Announce_SecondTimeOrJobRunAgain_MailsNobodyTwice()
    {
        // Arrange
        var member = await MemberAsync("Tove Twice");
        var session = await AddSessionAsync(portal, "Supply-chain assurance", daysAhead: 45);
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        using var confirm = await SubmitAsync(editor, SessionPath(session.Id), "[data-testid=confirm-form]", new Dictionary<string, string>());
        var (_, fields) = await ReadFormAsync(editor, SessionPath(session.Id), AnnounceForm);
        using var first = await SubmitAsync(editor, SessionPath(session.Id), AnnounceForm, new Dictionary<string, string>());
        await portal.Smtp.WaitForAsync(m => IsTo(m, member.Email) && m.Subject == "New peer webinar: Supply-chain assurance");
        var stamped = await StoredSessionAsync(portal, session.Id);

        // Act: the same form posted again (a double click), then the job run again by hand.
        fields["version"] = Field(await editor.GetDocumentAsync(SessionPath(session.Id)), "Details.Version");
        using var again = await PostAnnounceAsync(editor, session.Id, fields);
        var rerun = 0;
        await portal.WithServiceAsync<WebinarAnnouncements>(async job => rerun = await job.RunAsync(session.Id, Token));

        // Assert
        stamped.AnnouncedAt.ShouldNotBeNull();
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadDocumentAsync()).QuerySelector("[data-testid=announce-error]")!.TextContent.ShouldStartWith("This session was already announced to the members on");
        rerun.ShouldBe(0);
        (await portal.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.To == member.Email && e.Subject == "New peer webinar: Supply-chain assurance", Token))).ShouldBe(1);
        (await StoredSessionAsync(portal, session.Id)).AnnouncedAt.ShouldBe(stamped.AnnouncedAt);
    }

    [Fact]
    public async Task Announce_PlannedSession_RefusedUntilConfirmed()
    {
        // Arrange
        var session = await AddSessionAsync(portal, "Not yet settled", daysAhead: 50);
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        var page = await editor.GetDocumentAsync(SessionPath(session.Id));
        var (_, fields) = await ReadFormAsync(editor, SessionPath(session.Id), "[data-testid=confirm-form]");

        // Act: a hand-made post, as the page offers no announce button for a planned session.
        using var response = await PostAnnounceAsync(editor, session.Id, fields);

        // Assert
        page.QuerySelector(AnnounceForm).ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=announce-error]")!.TextContent.ShouldBe("Confirm the session before announcing it to the members.");
        (await StoredSessionAsync(portal, session.Id)).AnnouncedAt.ShouldBeNull();
    }

    [Fact]
    public async Task UnsubscribeLink_FromAnnouncement_TurnsOffAnnouncementsOnlyWithoutSignIn()
    {
        // Arrange
        var member = await MemberAsync("Ulla Unsub");
        var session = await AddSessionAsync(portal, "Board reporting that works", daysAhead: 55);
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        using var confirm = await SubmitAsync(editor, SessionPath(session.Id), "[data-testid=confirm-form]", new Dictionary<string, string>());
        using var announce = await SubmitAsync(editor, SessionPath(session.Id), AnnounceForm, new Dictionary<string, string>());
        var email = await portal.Smtp.WaitForAsync(m => IsTo(m, member.Email) && m.Subject == "New peer webinar: Board reporting that works");
        var header = email.Headers[HeaderId.ListUnsubscribe];
        var url = new Uri(header!.Trim('<', '>'));
        using var anonymous = portal.CreateClient();

        // Act: what a mail client's one-click button sends (RFC 8058).
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]);
        using var response = await anonymous.PostAsync(new Uri(url.PathAndQuery, UriKind.Relative), content, Token);
        var stored = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == member.Id, Token));

        // Assert
        email.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        email.TextBody!.ShouldContain(url.AbsoluteUri);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=unsubscribed]")!.TextContent.ShouldContain("webinar announcements");
        stored.WebinarAnnouncementsOptOutAt.ShouldNotBeNull();
        stored.BriefingOptOutAt.ShouldBeNull();
    }

    private async Task<(string Id, string Email)> MemberAsync(string fullName, string? zone = null, bool suspended = false)
    {
        var email = $"{Guid.NewGuid():N}@announcements.example";
        var id = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, fullName, Roles.Member)
        {
            CountryCode = "BE",
            TimeZoneId = zone,
            Suspended = suspended,
        });
        return (id, email);
    }

    private Task<List<string>> AnnouncedToAsync(Guid sessionId) =>
        portal.WithDbAsync(db => db.WebinarAnnouncements.Where(a => a.SessionId == sessionId).Select(a => a.MemberId).ToListAsync(Token));

    private static async Task<HttpResponseMessage> PostAnnounceAsync(HttpClient client, Guid sessionId, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"{SessionPath(sessionId)}?handler=Announce", UriKind.Relative), content, Token);
    }

    private static bool IsTo(MimeMessage message, string email) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase));
}
