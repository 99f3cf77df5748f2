using System.Net;
using CecPortal.IntegrationTests.Membership;
using CecPortal.Testing;
using CecPortal.Web.Features.Privacy;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Privacy;

/// <summary>
/// An Admin publishes a new version: everyone is asked again, applicants accept the new one on the form.
/// A class (and database) of its own, because publishing changes what every other test would see.
/// </summary>
public sealed class PrivacyNoticePublishTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_NewVersion_MemberAsksToAcceptThenPassesAndApplicantsRecordIt()
    {
        // Arrange
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        using var member = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var memberId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        (await member.GetAsync(new Uri("/briefings", UriKind.Relative), Token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Act: publish version 2
        using var published = await admin.SubmitFormAsync("/admin/privacy", new Dictionary<string, string>
        {
            ["Input.ChangeSummary"] = "We now keep sent emails for 90 days.",
            ["Input.Markdown"] = "## Who we are\n\nThe second version of our notice.",
        });

        // Assert: the member is stopped, reads what changed, accepts and goes on
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var stopped = await member.GetAsync(new Uri("/briefings", UriKind.Relative), Token);
        stopped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stopped.Headers.Location!.OriginalString.ShouldBe("/privacy/accept?returnUrl=%2Fbriefings");
        var acceptPage = await member.GetDocumentAsync("/privacy/accept?returnUrl=%2Fbriefings");
        acceptPage.QuerySelector("[data-testid=change-summary]")!.TextContent.ShouldContain("We now keep sent emails for 90 days.");
        acceptPage.QuerySelector("[data-testid=notice-text]")!.TextContent.ShouldContain("The second version of our notice.");
        using var accepted = await member.SubmitFormAsync("/privacy/accept?returnUrl=%2Fbriefings&handler=Accept", new Dictionary<string, string>());
        accepted.Headers.Location!.OriginalString.ShouldBe("/briefings");
        (await member.GetAsync(new Uri("/briefings", UriKind.Relative), Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var versions = await portal.WithDbAsync(db => db.PrivacyAcceptances.Where(a => a.UserId == memberId).OrderBy(a => a.Version).Select(a => a.Version).ToListAsync(Token));
        versions.ShouldBe([1, 2]);
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == PrivacyConsent.PublishAction && e.Subject == "privacy-notice:2", Token))).ShouldBe(1);

        // The public page shows version 2
        var publicPage = await portal.CreateClient().GetDocumentAsync("/privacy");
        publicPage.QuerySelector("[data-testid=notice-version]")!.TextContent.ShouldContain("Version 2");
        // Staff too: the publishing admin has not accepted version 2 yet
        (await admin.GetAsync(new Uri("/admin", UriKind.Relative), Token)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // An applicant now accepts version 2 on the form
        using var anonymous = portal.CreateClient();
        using var applied = await anonymous.SubmitFormAsync("/apply", MembershipFlowTests.Form("publish.applicant@publish-demo.eu"));
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.WithDbAsync(db => db.MembershipApplications.Where(a => a.WorkEmail == "publish.applicant@publish-demo.eu").Select(a => a.ConsentedNoticeVersion).SingleAsync(Token))).ShouldBe("2");
    }

    [Fact]
    public async Task Publish_WithoutChangeSummary_ReshowsFormWithTextKept()
    {
        // Arrange: the admin has accepted whatever version the other test may have published
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);
        await portal.WithServiceAsync<PrivacyConsent>(async consent => await consent.AcceptAsync(new Actor(adminId, PortalFactory.AdminEmail), await consent.CurrentVersionAsync(Token), Token));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var before = await portal.WithDbAsync(db => db.PrivacyNotices.CountAsync(Token));

        // Act
        using var response = await admin.SubmitFormAsync("/admin/privacy", new Dictionary<string, string>
        {
            ["Input.ChangeSummary"] = " ",
            ["Input.Markdown"] = "Kept text",
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadDocumentAsync();
        page.QuerySelector("[data-valmsg-for='Input.ChangeSummary']")!.TextContent.ShouldBe("Say in a sentence what changed: members read it before accepting.");
        page.QuerySelector("textarea[name='Input.Markdown']")!.TextContent.Trim().ShouldBe("Kept text");
        (await portal.WithDbAsync(db => db.PrivacyNotices.CountAsync(Token))).ShouldBe(before);
    }
}
