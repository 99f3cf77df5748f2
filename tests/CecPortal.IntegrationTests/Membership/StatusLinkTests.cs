using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Membership.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Membership;

/// <summary>A portal on a fake clock, for the lifetime of applicants' status links.</summary>
public sealed class StatusLinkPortalFixture : PortalFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:PublicFormsPerHour"] = "100000",
        ["Membership:StatusLinkLifetimeAfterDecision"] = "90.00:00:00",
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// Status links work until the application is decided and for 90 days after; then the page offers a fresh link, which
/// the applicant requests by email address without learning whether anyone applied with it.
/// </summary>
public sealed class StatusLinkTests(StatusLinkPortalFixture portal) : IClassFixture<StatusLinkPortalFixture>
{
    private const string FreshLinkSubject = "Your application's status page";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_DecidedLongerAgoThanTheLifetime_ShowsTheExpiredPageWithAWayToAFreshLink()
    {
        // Arrange: an application decided (withdrawn) now.
        var (id, link) = await MembershipTestKit.ApplyAndVerifyAsync(portal, MembershipFlowTests.Form("expiry.one@grid-demo.eu"));
        await WithdrawAsync(id);
        using var client = portal.CreateClient();

        // Act
        portal.Clock.Advance(TimeSpan.FromDays(89));
        var stillValid = await client.GetDocumentAsync(link);
        portal.Clock.Advance(TimeSpan.FromDays(2));
        using var expired = await client.GetAsync(new Uri(link, UriKind.Relative), Token);
        var expiredPage = await expired.ReadDocumentAsync();

        // Assert
        stillValid.QuerySelector("[data-testid=application-status]")!.TextContent.ShouldBe("Withdrawn");
        expired.StatusCode.ShouldBe(HttpStatusCode.OK);
        expiredPage.QuerySelector("[data-testid=status-link-expired]").ShouldNotBeNull();
        expiredPage.QuerySelector("[data-testid=application-status]").ShouldBeNull();
        expiredPage.QuerySelector("[data-testid=request-status-link]")!.GetAttribute("href").ShouldBe("/apply/status-link");
        expiredPage.Body!.TextContent.ShouldNotContain("Camille Laurent");
    }

    [Fact]
    public async Task RequestFreshLink_ForAnExpiredApplication_MailsTheApplicantALinkThatWorksWhileTheOldOneStaysExpired()
    {
        // Arrange
        const string email = "expiry.two@grid-demo.eu";
        var (id, oldLink) = await MembershipTestKit.ApplyAndVerifyAsync(portal, MembershipFlowTests.Form(email));
        await WithdrawAsync(id);
        portal.Clock.Advance(TimeSpan.FromDays(120));
        using var client = portal.CreateClient();

        // Act: typed in another case, as people do.
        using var response = await client.SubmitFormAsync("/apply/status-link", new Dictionary<string, string> { ["Input.Email"] = email.ToUpperInvariant() });
        var mail = await portal.Smtp.WaitForAsync(m => m.Subject == FreshLinkSubject && m.To.Mailboxes.Any(a => a.Address == email));
        var freshLink = MembershipFlowTests.Link(mail, "/apply/status/");
        var fresh = await client.GetDocumentAsync(freshLink);
        var old = await client.GetDocumentAsync(oldLink);
        portal.Clock.Advance(TimeSpan.FromDays(91));
        var freshLater = await client.GetDocumentAsync(freshLink);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/apply/status-link?sent=True");
        mail.To.Mailboxes.Select(m => m.Address).ShouldBe([email]);
        fresh.QuerySelector("[data-testid=application-status]")!.TextContent.ShouldBe("Withdrawn");
        old.QuerySelector("[data-testid=status-link-expired]").ShouldNotBeNull();
        freshLater.QuerySelector("[data-testid=status-link-expired]").ShouldNotBeNull("a fresh link lives as long as the first did");
    }

    [Fact]
    public async Task RequestFreshLink_UnknownOrUnconfirmedAddress_SameAnswerAndNoEmail()
    {
        // Arrange: one address that applied, one that never did, one that applied without confirming.
        const string known = "expiry.three@grid-demo.eu";
        const string unconfirmed = "expiry.four@grid-demo.eu";
        await MembershipTestKit.ApplyAndVerifyAsync(portal, MembershipFlowTests.Form(known));
        await MembershipTestKit.SubmitAsync(portal, MembershipFlowTests.Form(unconfirmed));
        using var client = portal.CreateClient();

        // Act: the address that applied last, so that once its email is there the work after the others' answers is done too.
        var answers = new List<(string Email, HttpStatusCode Status, string? Location, string Page)>();
        foreach (var email in new[] { "nobody.applied@grid-demo.eu", unconfirmed, known })
        {
            using var response = await client.SubmitFormAsync("/apply/status-link", new Dictionary<string, string> { ["Input.Email"] = email });
            var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
            answers.Add((email, response.StatusCode, response.Headers.Location!.OriginalString, page.QuerySelector("main")!.TextContent));
        }

        await portal.Smtp.WaitForAsync(m => m.Subject == FreshLinkSubject && m.To.Mailboxes.Any(a => a.Address == known));
        var mails = new List<int>();
        foreach (var (email, _, _, _) in answers)
        {
            mails.Add(await portal.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.Subject == FreshLinkSubject && e.To == email, Token)));
        }

        // Assert
        answers.Select(a => (a.Status, a.Location, a.Page)).Distinct().Count().ShouldBe(1);
        answers[^1].Page.ShouldContain("If an application was made with that address, we have sent a fresh link");
        mails.ShouldBe([0, 0, 1]);
    }

    [Fact]
    public async Task RequestFreshLink_WithoutAnAddress_ReshowsTheFormWithAMessage()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.SubmitFormAsync("/apply/status-link", new Dictionary<string, string> { ["Input.Email"] = "not an address" });
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.ShouldBe("Enter a valid email address.");
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Email")!).Value.ShouldBe("not an address");
    }

    private async Task WithdrawAsync(Guid id)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApplicationWorkflow>().WithdrawAsync(id, Token);
    }
}
