using System.Net;
using CecPortal.IntegrationTests.Membership;
using CecPortal.IntegrationTests.Webinars;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Membership.Attestation;
using CecPortal.Web.Features.Webinars.Registration;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Email;

/// <summary>
/// The emails that go through the outbox, each triggered through its real path (a page or the feature's job) and read
/// from the SMTP sink: all are accessible (<see cref="AccessibleEmail"/>).
/// </summary>
public sealed class AccessibleOutboxEmailTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyVerifyAndApprove_ConfirmationAndWelcome_AreAccessible()
    {
        // Arrange
        const string email = "a11y.applicant@grid-demo.eu";
        await MembershipFlowTests.EnsureScopesAsync(portal);
        using var anonymous = portal.CreateClient();
        using var countryVetter = await portal.SignedInClientAsync(PortalFactory.CountryVetterEmail);
        using var sectorVetter = await portal.SignedInClientAsync(PortalFactory.SectorVetterEmail);

        // Act
        using var submitted = await anonymous.SubmitFormAsync("/apply", MembershipFlowTests.Form(email));
        var confirmation = await MailToAsync(email, "Please confirm your application to the CISOs European Community");
        await anonymous.GetDocumentAsync(MembershipFlowTests.Link(confirmation, "/apply/verify/"));
        var id = await portal.WithDbAsync(db => db.MembershipApplications.Where(a => a.WorkEmail == email).Select(a => a.Id).SingleAsync(Token));
        using var first = await countryVetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Known to me." });
        using var second = await sectorVetter.SubmitFormAsync($"/admin/vetting/{id}?handler=Approve", new Dictionary<string, string> { ["Input.Note"] = "Sector confirmed." });
        var welcome = await MailToAsync(email, "Welcome to the CISOs European Community");

        // Assert
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmation.ShouldBeAccessible();
        welcome.ShouldBeAccessible();
    }

    [Fact]
    public async Task ForgotPassword_ResetLink_IsAccessible()
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = PortalFactory.MemberEmail });
        var reset = await MailToAsync(PortalFactory.MemberEmail, "Reset your CEC Portal password");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.ShouldBeAccessible();
    }

    [Fact]
    public async Task RegisterForWebinar_InvitationWithCalendar_IsAccessible()
    {
        // Arrange
        const string email = "a11y.webinar@member.eu";
        var memberId = await portal.CreateMemberAsync(email, "BE");
        var sessionId = await portal.AddSessionAsync("Accessible incident reports", MemberWebinarArrange.December2030);

        // Act
        await portal.WithServiceAsync<WebinarAttendance>(attendance => attendance.RegisterAsync(sessionId, memberId, Token));
        var invitation = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email));

        // Assert
        invitation.ShouldBeAccessible();
    }

    [Fact]
    public async Task AttestationJob_MemberDue_RequestIsAccessible()
    {
        // Arrange
        const string email = "a11y.attest@member.eu";
        var id = await portal.CreateMemberAsync(email, "IT");
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.AttestationDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Token));

        // Act
        await portal.WithServiceAsync<MembershipAttestation>(attestation => attestation.RunAsync(Token));
        var request = await MailToAsync(email, "Please confirm your CEC membership");

        // Assert
        request.ShouldBeAccessible();
    }

    [Fact]
    public async Task ConfirmProfileChange_Decision_IsAccessible()
    {
        // Arrange: a member moves country on their profile; a vetter of the new country confirms it.
        const string email = "a11y.mover@carlsson.example";
        var memberId = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, "Cilla Mover", Roles.Member)
        {
            JobTitle = "CISO",
            Organisation = "Mover Oy",
            CountryCode = "FI",
            SectorCode = "energy",
            Password = PortalFactory.DemoPassword,
        });
        using var member = await portal.SignedInClientAsync(email);
        using var saved = await member.SubmitFormAsync("/profile", new Dictionary<string, string>
        {
            ["Details.FullName"] = "Cilla Mover",
            ["Details.JobTitle"] = "CISO",
            ["Details.Organisation"] = "Mover Oy",
            ["Details.CountryCode"] = "SE",
            ["Details.SectorCode"] = "energy",
            ["Details.OrganisationWebsite"] = string.Empty,
            ["Details.ShowInDirectory"] = "true",
        }, "[data-testid=details-form]");
        var reviewId = await portal.WithDbAsync(db => db.ProfileReviews.Where(r => r.UserId == memberId).Select(r => r.Id).SingleAsync(Token));
        const string vetterEmail = "a11y.vetter.se@demo.cec.example";
        await MembershipTestKit.CreateVetterAsync(portal, vetterEmail, ["SE"], []);
        using var vetter = await portal.SignedInClientAsync(vetterEmail);

        // Act
        using var confirm = await vetter.SubmitFormAsync($"/admin/vetting/profile-changes/{reviewId}?handler=Confirm", new Dictionary<string, string> { ["Input.Note"] = "Checked." });
        var decision = await MailToAsync(email, "Your profile change is confirmed");

        // Assert
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        decision.ShouldBeAccessible();
    }

    [Fact]
    public async Task SendBreachNotice_Notice_IsAccessible()
    {
        // Arrange
        var member = await portal.CreateUserAsync("a11y.breach@breach-send.eu", "Breach Reader", Roles.Member);
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == member)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.CreatedAt, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)), Token));
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        using var response = await admin.SubmitFormValuesAsync("/admin/breach/new?handler=Send",
        [
            new("Input.Categories", "Profile"), new("Input.To", "2024-12-31"),
            new("Input.Subject", "Incident affecting your profile"),
            new("Input.Body", "## What happened\n\nOur **directory export** was exposed; see CVE-2026-1234 and https://status.cec-portal.example/incident.\n\nWrite to privacy@cec-portal.example."),
        ]);
        var notice = await MailToAsync("a11y.breach@breach-send.eu", "Incident affecting your profile");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        notice.HtmlBody!.ShouldContain("CVERecord?id=CVE-2026-1234", Case.Sensitive, "the renderer links the CVE id, which the source text does not carry");
        notice.ShouldBeAccessible();
    }

    private Task<MimeMessage> MailToAsync(string email, string subject) =>
        portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject == subject);
}
