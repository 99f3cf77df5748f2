using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Account.TwoFactor;

/// <summary>With <c>Security:RequireStaffMfa</c> on, staff set up two-step sign-in before any admin page opens.</summary>
public sealed class StaffMfaEnforcementTests(TwoFactorPortalFixture portal) : IClassFixture<TwoFactorPortalFixture>
{
    public static TheoryData<string, string> AdminPages => new()
    {
        { Roles.Admin, "/admin" },
        { Roles.Admin, "/admin/members" },
        { Roles.Admin, "/admin/audit?action=mfa.enable" },
        { Roles.Admin, "/admin/countries" },
        { Roles.Admin, "/admin/vetters" },
        { Roles.Admin, "/admin/jobs" },
        { Roles.Admin, "/admin/jobs/recurring" },
        { Roles.Vetter, "/admin/vetting" },
        { Roles.Editor, "/admin/briefings" },
        { Roles.Editor, "/admin/webinars" },
        { Roles.Moderator, "/admin" },
        { Roles.Moderator, "/admin/sharing" },
        { Roles.Moderator, "/admin/sharing/new" },
        { Roles.Policy, "/admin/consultations" },
        { Roles.Policy, "/admin/consultations/new" },
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_StaffWithoutTwoFactor_RedirectsToEnrolmentWithReturnUrl(string role, string path)
    {
        // Arrange
        var email = await portal.NewAccountAsync(role);
        using var client = await portal.PasswordSignedInAsync(email);

        // Act
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/account/security/authenticator?returnUrl={Uri.EscapeDataString(path)}");
    }

    [Fact]
    public async Task EnrolmentPage_StaffSentFromAdmin_ExplainsTheRule()
    {
        // Arrange
        var email = await portal.NewAccountAsync(Roles.Vetter);
        using var client = await portal.PasswordSignedInAsync(email);

        // Act
        var page = await client.GetDocumentAsync("/account/security/authenticator?returnUrl=%2Fadmin%2Fvetting");

        // Assert
        page.QuerySelector("[data-testid=staff-mfa-required]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=authenticator-qr]").ShouldNotBeNull();
        page.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value").ShouldBe("/admin/vetting");
    }

    [Fact]
    public async Task AdminPages_StaffAfterEnrolment_OpenAndReturnUrlFollowed()
    {
        // Arrange
        var email = await portal.NewAccountAsync(Roles.Admin);
        using var client = await portal.PasswordSignedInAsync(email);
        using var sent = await client.GetAsync(new Uri("/admin/members", UriKind.Relative), TestContext.Current.CancellationToken);
        var enrolUrl = sent.Headers.Location!.OriginalString;
        var key = (await client.GetDocumentAsync(enrolUrl)).QuerySelector("[data-testid=authenticator-key-raw]")!.GetAttribute("value")!;

        // Act
        using var enabled = await client.SubmitFormAsync(enrolUrl, new Dictionary<string, string>
        {
            ["Input.Code"] = TotpCodes.At(key, portal.Clock.GetUtcNow()),
            ["Input.Password"] = TwoFactorPortalFixture.Password,
        });
        var codesPage = await client.GetDocumentAsync(enabled.Headers.Location!.OriginalString);
        using var admin = await client.GetAsync(new Uri("/admin/members", UriKind.Relative), TestContext.Current.CancellationToken);
        using var jobs = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        codesPage.QuerySelector("[data-testid=recovery-codes-done]")!.GetAttribute("href").ShouldBe("/admin/members");
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
        jobs.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StaffSignIn_WithTwoFactor_NeedsCodeThenAdminOpens()
    {
        // Arrange
        var email = await portal.NewAccountAsync(Roles.Editor);
        Enrolled enrolled;
        using (var enrolling = await portal.PasswordSignedInAsync(email))
        {
            enrolled = await portal.EnrolAsync(enrolling);
        }

        portal.NextStep();
        using var client = portal.CreateClient();

        // Act
        using var signedIn = await portal.SignInWithCodeAsync(client, email, TotpCodes.At(enrolled.Key, portal.Clock.GetUtcNow()));
        using var admin = await client.GetAsync(new Uri("/admin/briefings", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Member_WithoutTwoFactor_Unaffected()
    {
        // Arrange
        var email = await portal.NewAccountAsync(Roles.Member);
        using var client = await portal.PasswordSignedInAsync(email);

        // Act
        using var profile = await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken);
        using var briefings = await client.GetAsync(new Uri("/briefings", UriKind.Relative), TestContext.Current.CancellationToken);
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);
        using var jobs = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        profile.StatusCode.ShouldBe(HttpStatusCode.OK);
        briefings.StatusCode.ShouldBe(HttpStatusCode.OK);
        admin.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "members keep the 403, not an enrolment page");
        jobs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Disable_StaffAccount_RefusedAndStaysOn()
    {
        // Arrange
        var email = await portal.NewAccountAsync(Roles.Admin);
        using var client = await portal.PasswordSignedInAsync(email);
        await portal.EnrolAsync(client);
        var page = await client.GetDocumentAsync("/account/security");

        // Act: the form is not offered; a hand-made post is refused
        var token = page.QuerySelector("[data-testid=reset-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Password"] = TwoFactorPortalFixture.Password });
        using var response = await client.PostAsync(new Uri("/account/security?handler=Disable", UriKind.Relative), form, TestContext.Current.CancellationToken);

        // Assert
        page.QuerySelector("[data-testid=disable-form]").ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=password-error]").ShouldBeNull("the disable form is not shown, so the refusal is not either");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeTrue();
    }

    [Fact]
    public async Task DemoAdmin_NotEnrolled_SentToEnrolment()
    {
        using var client = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), TestContext.Current.CancellationToken);

        response.Headers.Location!.OriginalString.ShouldStartWith("/account/security/authenticator");
    }
}
