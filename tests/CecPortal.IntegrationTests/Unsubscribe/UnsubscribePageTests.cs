using System.Net;
using CecPortal.IntegrationTests.Briefings;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Unsubscribe;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Shouldly;
using static CecPortal.IntegrationTests.Webinars.WebinarAdminTestKit;

namespace CecPortal.IntegrationTests.Unsubscribe;

/// <summary>
/// The one-click unsubscribe page at the address every email carries, <c>{Portal:BaseUrl}/unsubscribe/{token}</c>: it
/// must keep answering there, for each mailing list, whatever folder the page lives in.
/// </summary>
public sealed class UnsubscribePageTests(BriefingDeliveryFixture portal) : IClassFixture<BriefingDeliveryFixture>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await portal.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task EmailedLink_FromAWebinarAnnouncement_IsThePortalAddressAndItsPageAndOneClickPostWork()
    {
        // Arrange: the link comes from a real announcement, sent through the outbox.
        var email = $"{Guid.NewGuid():N}@unsubscribe.example";
        var memberId = await portal.CreateUserAsync(email, "Link Follower", Roles.Member);
        var session = await AddSessionAsync(portal, "Incident drills that stick", daysAhead: 50);
        using var editor = await portal.SignedInClientAsync(PortalFactory.EditorEmail);
        using var confirm = await SubmitAsync(editor, SessionPath(session.Id), "[data-testid=confirm-form]", new Dictionary<string, string>());
        using var announce = await SubmitAsync(editor, SessionPath(session.Id), "[data-testid=announce-form]", new Dictionary<string, string>());
        var message = await portal.Sink.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == "New peer webinar: Incident drills that stick");
        var header = message.Headers[HeaderId.ListUnsubscribe]!;
        var link = new Uri(header.Trim('<', '>'));
        using var anonymous = portal.CreateClient();

        // Act: a link scanner or the member opens the link, then the mail client's one-click button posts to it.
        using var opened = await anonymous.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), Token);
        var openedPage = await opened.ReadDocumentAsync();
        var optOutAfterOpening = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.WebinarAnnouncementsOptOutAt).SingleAsync(Token));
        using var body = new FormUrlEncodedContent([KeyValuePair.Create("List-Unsubscribe", "One-Click")]);
        using var posted = await anonymous.PostAsync(new Uri(link.PathAndQuery, UriKind.Relative), body, Token);

        // Assert: the address is the configured base URL, /unsubscribe/ and the token, nothing else.
        header.ShouldMatch("^<https://portal\\.test/unsubscribe/[A-Za-z0-9_-]+>$");
        await portal.WithServiceAsync<UnsubscribeTokens>(tokens =>
        {
            tokens.Read(link.Segments[^1]).ShouldBe(new UnsubscribeRequest(memberId, MailingList.WebinarAnnouncements));
            return Task.CompletedTask;
        });
        message.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        openedPage.QuerySelector("main form[method=post] [data-testid=unsubscribe]").ShouldNotBeNull();
        optOutAfterOpening.ShouldBeNull("opening the link changes nothing");
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.ReadDocumentAsync()).QuerySelector("[data-testid=unsubscribed]")!.TextContent.ShouldContain("webinar announcements");
        (await portal.AuditAsync(OneClickUnsubscribe.AnnouncementsUnsubscribeAction)).ShouldContain(e => e.Subject == $"user:{memberId}");
    }

    [Fact]
    public async Task Unsubscribe_Get_ShowsAButtonAndDoesNotUnsubscribe()
    {
        // Arrange
        const string email = "unsub.scanner@it.cec.example";
        var memberId = await portal.CreateUserAsync(email, "Link Scanner", Roles.Member);
        var token = await TokenAsync(memberId);
        using var anonymous = portal.CreateClient();

        // Act
        var page = await anonymous.GetDocumentAsync($"/unsubscribe/{token}");

        // Assert
        page.QuerySelector("main form[method=post] [data-testid=unsubscribe]").ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.BriefingOptOutAt).SingleAsync(Token))).ShouldBeNull();
        (await portal.AuditAsync(OneClickUnsubscribe.UnsubscribeAction)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unsubscribe_PageButton_Unsubscribes()
    {
        // Arrange
        var memberId = await portal.CreateUserAsync("unsub.button@it.cec.example", "Button Press", Roles.Member);
        using var anonymous = portal.CreateClient();

        // Act
        using var response = await anonymous.SubmitFormAsync($"/unsubscribe/{await TokenAsync(memberId)}", new Dictionary<string, string>());

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.BriefingOptOutAt).SingleAsync(Token))).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Unsubscribe_TamperedToken_IsRejectedAndChangesNothing(string method)
    {
        // Arrange
        var memberId = await portal.CreateUserAsync($"unsub.tampered.{method.ToLowerInvariant()}@it.cec.example", "Tampered Link", Roles.Member);
        var token = await TokenAsync(memberId);
        var tampered = token[..10] + (token[10] == 'x' ? 'y' : 'x') + token[11..];
        using var anonymous = portal.CreateClient();

        // Act
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri($"/unsubscribe/{tampered}", UriKind.Relative));
        using var response = await anonymous.SendAsync(request, Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=invalid-link]").ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.BriefingOptOutAt).SingleAsync(Token))).ShouldBeNull();
    }

    private async Task<string> TokenAsync(string memberId)
    {
        var token = string.Empty;
        await portal.WithServiceAsync<UnsubscribeTokens>(tokens =>
        {
            token = tokens.Create(memberId);
            return Task.CompletedTask;
        });
        return token;
    }
}
