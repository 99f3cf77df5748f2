using System.Net;
using System.Text.RegularExpressions;
using CecPortal.IntegrationTests.Membership;
using CecPortal.IntegrationTests.Profile;
using CecPortal.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Shouldly;

namespace CecPortal.IntegrationTests.Security;

/// <summary>
/// Every form that sends an email, posted with <c>Host: attacker.example</c> (Development accepts any host): the links
/// in the mail, in its text, its HTML and its headers, all lead to <c>Portal:BaseUrl</c>.
/// </summary>
public sealed partial class ForgedHostLinksTests(ConfiguredOriginPortalFixture portal) : IClassFixture<ConfiguredOriginPortalFixture>
{
    private const string ForgedHost = "attacker.example";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient ForgedClient() => portal.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"http://{ForgedHost}"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    [Fact]
    public async Task ForgotPassword_WithForgedHost_ResetLinkOnTheConfiguredOrigin()
    {
        // Arrange
        var (_, email) = await ProfileTestKit.AddMemberAsync(portal.Factory, "Reset Forged");
        using var client = ForgedClient();

        // Act
        using var response = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var message = await portal.Smtp.WaitForAsync(m => ProfileTestKit.IsTo(m, email));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LinksIn(message).ShouldContain(link => link.StartsWith(ConfiguredOriginPortalFixture.Origin + "/account/reset-password?", StringComparison.Ordinal));
        ShouldLinkOnlyToTheConfiguredOrigin(message);
    }

    [Fact]
    public async Task ResendConfirmation_WithForgedHost_ConfirmationLinkOnTheConfiguredOrigin()
    {
        // Arrange
        var (id, email) = await ProfileTestKit.AddMemberAsync(portal.Factory, "Unconfirmed Forged");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.EmailConfirmed, false), Token));
        using var client = ForgedClient();

        // Act
        using var response = await client.SubmitFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
        var message = await portal.Smtp.WaitForAsync(m => ProfileTestKit.IsTo(m, email));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LinksIn(message).ShouldContain(link => link.StartsWith(ConfiguredOriginPortalFixture.Origin + "/account/confirm-email?", StringComparison.Ordinal));
        ShouldLinkOnlyToTheConfiguredOrigin(message);
    }

    [Fact]
    public async Task ApplyAndVerify_WithForgedHost_ConfirmationStatusAndSponsorLinksOnTheConfiguredOrigin()
    {
        // Arrange: a sponsor who is an active member, so that verifying the application mails them.
        var (_, sponsor) = await ProfileTestKit.AddMemberAsync(portal.Factory, "Sponsor Forged");
        var applicant = $"{Guid.NewGuid():N}@grid-demo.eu";
        using var client = ForgedClient();

        // Act
        using var submitted = await client.SubmitFormAsync("/apply", MembershipFlowTests.Form(applicant, sponsor: sponsor));
        var confirmation = await portal.Smtp.WaitForAsync(m => ProfileTestKit.IsTo(m, applicant));
        var verifyLink = new Uri(LinksIn(confirmation).First(link => link.StartsWith(ConfiguredOriginPortalFixture.Origin + "/apply/verify/", StringComparison.Ordinal)));
        using var verified = await client.GetAsync(new Uri(verifyLink.PathAndQuery, UriKind.Relative), Token);
        var sponsorRequest = await portal.Smtp.WaitForAsync(m => ProfileTestKit.IsTo(m, sponsor));

        // Assert
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        LinksIn(confirmation).ShouldContain(link => link.StartsWith(ConfiguredOriginPortalFixture.Origin + "/apply/status/", StringComparison.Ordinal));
        LinksIn(sponsorRequest).ShouldContain(link => link.StartsWith(ConfiguredOriginPortalFixture.Origin + "/apply/sponsor/", StringComparison.Ordinal));
        ShouldLinkOnlyToTheConfiguredOrigin(confirmation);
        ShouldLinkOnlyToTheConfiguredOrigin(sponsorRequest);
    }

    [Fact]
    public async Task ChangeEmail_WithForgedHost_ConfirmationAndNoticeLinksOnTheConfiguredOrigin()
    {
        // Arrange
        var (_, oldEmail) = await ProfileTestKit.AddMemberAsync(portal.Factory, "Change Forged");
        var newEmail = $"new-{Guid.NewGuid():N}@profile-tests.example";
        using var client = ForgedClient();
        (await client.SignInAsync(oldEmail, PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Act
        using var response = await client.SubmitFormAsync("/profile/email", EmailChangeTests.ChangeTo(newEmail), "[data-testid=change-email-form]");
        var confirmation = await portal.Smtp.WaitForAsync(m => ProfileTestKit.IsTo(m, newEmail));
        var notice = await portal.Smtp.WaitForAsync(m => ProfileTestKit.IsTo(m, oldEmail));

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        LinksIn(confirmation).ShouldContain(link => link.StartsWith(ConfiguredOriginPortalFixture.Origin + "/profile/email/confirm", StringComparison.Ordinal));
        ShouldLinkOnlyToTheConfiguredOrigin(confirmation);
        ShouldLinkOnlyToTheConfiguredOrigin(notice);
    }

    /// <summary>Every address in the text and HTML bodies and in the headers (List-Unsubscribe included).</summary>
    private static List<string> LinksIn(MimeMessage message)
    {
        var texts = new List<string> { message.TextBody ?? string.Empty, message.HtmlBody ?? string.Empty };
        texts.AddRange(message.Headers.Select(h => h.Value));
        return [.. texts.SelectMany(t => Address().Matches(WebUtility.HtmlDecode(t)).Select(m => m.Value))];
    }

    private static void ShouldLinkOnlyToTheConfiguredOrigin(MimeMessage message)
    {
        var links = LinksIn(message);
        links.ShouldNotBeEmpty();
        links.ShouldAllBe(link => link.StartsWith(ConfiguredOriginPortalFixture.Origin + "/", StringComparison.Ordinal), message.Subject);
        string.Join('\n', message.TextBody, message.HtmlBody, message.Headers).ShouldNotContain(ForgedHost);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Address();
}
