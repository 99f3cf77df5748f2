using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Privacy;

/// <summary>The consent gate for a signed-in person who has not accepted the current notice; the notice itself stays public.</summary>
public sealed class ConsentTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Password = "Consent-Passw0rd!2026";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_MemberWithoutAcceptance_RedirectedToAcceptWithReturnUrl()
    {
        // Arrange
        using var client = await NewcomerAsync("consent.redirect@demo.cec.example", Roles.Member);

        // Act
        using var response = await client.GetAsync(new Uri("/briefings?x=1", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/privacy/accept?returnUrl=%2Fbriefings%3Fx%3D1");
    }

    [Fact]
    public async Task Get_StaffWithoutAcceptance_RedirectedFromAdminArea()
    {
        // Arrange
        using var client = await NewcomerAsync("consent.editor@demo.cec.example", Roles.Editor);

        // Act
        using var response = await client.GetAsync(new Uri("/admin/briefings", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/privacy/accept");
    }

    [Theory]
    [InlineData("/privacy")]
    [InlineData("/privacy/accept")]
    [InlineData("/health/live")]
    [InlineData("/css/site.css")]
    [InlineData("/account/logout")]
    public async Task Get_ExemptPathWithoutAcceptance_Served(string path)
    {
        // Arrange
        using var client = await NewcomerAsync($"consent.exempt.{path.GetHashCode(StringComparison.Ordinal):x}@demo.cec.example", Roles.Member);

        // Act
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostAccept_CurrentVersion_RecordedAuditedAndSentBack()
    {
        // Arrange
        using var client = await NewcomerAsync("consent.accept@demo.cec.example", Roles.Member);
        var userId = await portal.UserIdAsync("consent.accept@demo.cec.example");
        var page = await client.GetDocumentAsync("/privacy/accept?returnUrl=%2Fwebinars");
        var version = int.Parse(page.QuerySelector("input[name=Version]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        using var accepted = await client.SubmitFormAsync("/privacy/accept?returnUrl=%2Fwebinars&handler=Accept", new Dictionary<string, string>());
        using var next = await client.GetAsync(new Uri("/webinars", UriKind.Relative), Token);

        // Assert
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.ShouldBe("/webinars");
        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        var acceptance = await portal.WithDbAsync(db => db.PrivacyAcceptances.AsNoTracking().SingleAsync(a => a.UserId == userId, Token));
        acceptance.Version.ShouldBe(version);
        acceptance.AcceptedAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var audit = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == $"user:{userId}" && e.Action == PrivacyConsent.AcceptAction).ToListAsync(Token));
        audit.Count.ShouldBe(1);
        audit[0].Note.ShouldBe($"Privacy notice version {version} accepted.");
    }

    [Fact]
    public async Task PostAccept_OutsideReturnUrl_GoesHomeInstead()
    {
        // Arrange
        using var client = await NewcomerAsync("consent.open-redirect@demo.cec.example", Roles.Member);

        // Act
        using var accepted = await client.SubmitFormAsync("/privacy/accept?returnUrl=https%3A%2F%2Fevil.example%2F&handler=Accept", new Dictionary<string, string>());

        // Assert
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task PostAccept_StaleVersion_ReshownWithMessageAndNothingRecorded()
    {
        // Arrange
        using var client = await NewcomerAsync("consent.stale@demo.cec.example", Roles.Member);
        var userId = await portal.UserIdAsync("consent.stale@demo.cec.example");

        // Act
        using var response = await client.SubmitFormAsync("/privacy/accept?handler=Accept", new Dictionary<string, string> { ["Version"] = "0" });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("has just changed");
        (await portal.WithDbAsync(db => db.PrivacyAcceptances.CountAsync(a => a.UserId == userId, Token))).ShouldBe(0);
    }

    [Fact]
    public async Task PostDecline_SignsOutAndAuditsWithoutRecordingAcceptance()
    {
        // Arrange
        using var client = await NewcomerAsync("consent.decline@demo.cec.example", Roles.Member);
        var userId = await portal.UserIdAsync("consent.decline@demo.cec.example");

        // Act
        using var declined = await client.SubmitFormAsync("/privacy/accept?handler=Decline", new Dictionary<string, string>());
        using var next = await client.GetAsync(new Uri("/briefings", UriKind.Relative), Token);

        // Assert
        declined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        declined.Headers.Location!.OriginalString.ShouldBe("/");
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        next.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/login");
        (await portal.WithDbAsync(db => db.PrivacyAcceptances.CountAsync(a => a.UserId == userId, Token))).ShouldBe(0);
        (await portal.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == $"user:{userId}" && e.Action == PrivacyConsent.DeclineAction, Token))).ShouldBe(1);
    }

    [Fact]
    public async Task Get_DemoMember_NotInterrupted()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        using var response = await client.GetAsync(new Uri("/briefings", UriKind.Relative), Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpClient> NewcomerAsync(string email, string role)
    {
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, "Consent Newcomer", role) { Password = Password, AcceptedPrivacyNotice = false });
        var client = portal.CreateClient();
        using var response = await client.SignInAsync(email, Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}
