using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Infrastructure.Audit;
using Shouldly;
using static CecPortal.IntegrationTests.Profile.ProfileTestKit;

namespace CecPortal.IntegrationTests.Profile;

public sealed class EmailChangeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    internal const string ConfirmSubject = "Confirm your new sign-in email for the CEC Portal";
    private const string NoticeSubject = "Your CEC Portal sign-in email is being changed";

    [Fact]
    public async Task ChangeEmail_LinkFromTheNewMailbox_ChangesEmailAndUserNameAfterNoticeToTheOldAddress()
    {
        // Arrange
        var (id, oldEmail) = await AddMemberAsync(portal.Factory, "Hanna Holm");
        var newEmail = $"new-{Guid.NewGuid():N}@profile-tests.example";
        using var client = await SignedInAsync(portal, oldEmail);

        // Act
        using var request = await client.SubmitFormAsync("/profile/email", ChangeTo(newEmail), "[data-testid=change-email-form]");
        var pendingProfile = await client.GetDocumentAsync("/profile");
        var storedWhilePending = await StoredUserAsync(portal, id);
        var confirmation = await portal.Smtp.WaitForAsync(m => IsTo(m, newEmail) && m.Subject == ConfirmSubject);
        var notice = await portal.Smtp.WaitForAsync(m => IsTo(m, oldEmail) && m.Subject == NoticeSubject);
        using var oldStillWorks = await portal.CreateClient().SignInAsync(oldEmail, PortalFactory.DemoPassword);
        var link = Link(confirmation, "/profile/email/confirm");
        using var anonymous = portal.CreateClient();
        var confirmPage = await anonymous.GetDocumentAsync(link);
        using var confirmed = await anonymous.SubmitFormAsync(link, new Dictionary<string, string>(), "[data-testid=confirm-email-change-form]");
        var confirmedPage = await confirmed.ReadDocumentAsync();

        // Assert
        request.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        pendingProfile.QuerySelector("[data-testid=pending-email]")!.TextContent.ShouldContain(newEmail);
        pendingProfile.QuerySelector("[data-testid=profile-email]")!.TextContent.ShouldBe(oldEmail);
        storedWhilePending.Email.ShouldBe(oldEmail);
        storedWhilePending.PendingEmail.ShouldBe(newEmail);
        notice.TextBody!.ShouldContain("If it wasn't you");
        notice.TextBody!.ShouldNotContain("/profile/email/confirm");
        oldStillWorks.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmPage.QuerySelector("[data-testid=confirm-email-change-form]").ShouldNotBeNull();
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        confirmedPage.QuerySelector("[data-testid=email-changed]")!.TextContent.ShouldContain(newEmail);
        var stored = await StoredUserAsync(portal, id);
        (stored.Email, stored.UserName, stored.EmailConfirmed, stored.PendingEmail).ShouldBe((newEmail, newEmail, true, (string?)null));
        stored.SecurityStamp.ShouldNotBe(storedWhilePending.SecurityStamp);
        (await portal.CreateClient().SignInAsync(newEmail, PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await portal.CreateClient().SignInAsync(oldEmail, PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditActionsAsync(portal, id)).ShouldContain(SecurityEvents.EmailChangeRequested);
        (await AuditActionsAsync(portal, id)).ShouldContain(SecurityEvents.EmailChanged);
    }

    [Fact]
    public async Task ChangeEmail_WrongPassword_RefusedKeepsTheTypedAddressAndSendsNothing()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Ilona Ivanova");
        var newEmail = $"wrong-{Guid.NewGuid():N}@profile-tests.example";
        using var client = await SignedInAsync(portal, email);

        // Act
        using var response = await client.SubmitFormAsync("/profile/email", ChangeTo(newEmail, "not my password at all"), "[data-testid=change-email-form]");
        var page = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=password-error]")!.TextContent.ShouldBe("The password is not correct.");
        page.QuerySelector("#Input_NewEmail")!.GetAttribute("value").ShouldBe(newEmail);
        var stored = await StoredUserAsync(portal, id);
        stored.PendingEmail.ShouldBeNull();
        stored.AccessFailedCount.ShouldBe(1);
        (await AuditActionsAsync(portal, id)).ShouldContain(SecurityEvents.EmailChangeRefused);
        await JobQueues.UntilIdleAsync(portal.Factory.Services);
        portal.Smtp.Messages.ShouldNotContain(m => IsTo(m, newEmail) || (IsTo(m, email) && m.Subject == NoticeSubject));
    }

    [Fact]
    public async Task ChangeEmail_AddressOfAnotherAccount_RefusedWithClearMessage()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Jan Janssen");
        using var client = await SignedInAsync(portal, email);

        // Act
        using var response = await client.SubmitFormAsync("/profile/email", ChangeTo(PortalFactory.EditorEmail.ToUpperInvariant()), "[data-testid=change-email-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=new-email-error]")!.TextContent.ShouldBe("This address is already used by another account. Choose another one.");
        (await StoredUserAsync(portal, id)).PendingEmail.ShouldBeNull();
    }

    [Fact]
    public async Task ConfirmEmailChange_AddressTakenMeanwhile_RefusedAndEmailUnchanged()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Kai Koch");
        var newEmail = $"race-{Guid.NewGuid():N}@profile-tests.example";
        using var client = await SignedInAsync(portal, email);
        using var request = await client.SubmitFormAsync("/profile/email", ChangeTo(newEmail), "[data-testid=change-email-form]");
        var link = Link(await portal.Smtp.WaitForAsync(m => IsTo(m, newEmail) && m.Subject == ConfirmSubject), "/profile/email/confirm");
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(newEmail, "Quick Claimer", "Member"));

        // Act
        using var response = await portal.CreateClient().SubmitFormAsync(link, new Dictionary<string, string>(), "[data-testid=confirm-email-change-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadDocumentAsync()).QuerySelector("[data-testid=email-change-refused]")!.TextContent.ShouldContain("used by another account");
        var stored = await StoredUserAsync(portal, id);
        (stored.Email, stored.UserName).ShouldBe((email, email));
    }

    [Fact]
    public async Task CancelEmailChange_PendingChange_LinkStopsWorkingAndEmailStays()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Lena Lind");
        var newEmail = $"cancel-{Guid.NewGuid():N}@profile-tests.example";
        using var client = await SignedInAsync(portal, email);
        using var request = await client.SubmitFormAsync("/profile/email", ChangeTo(newEmail), "[data-testid=change-email-form]");
        var link = Link(await portal.Smtp.WaitForAsync(m => IsTo(m, newEmail) && m.Subject == ConfirmSubject), "/profile/email/confirm");

        // Act
        using var cancel = await client.SubmitFormAsync("/profile", new Dictionary<string, string>(), "[data-testid=cancel-email-change-form]");
        var profile = await client.GetDocumentAsync("/profile");
        using var opened = await portal.CreateClient().GetAsync(new Uri(link, UriKind.Relative), Token);

        // Assert
        cancel.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        profile.QuerySelector("[data-testid=pending-email]").ShouldBeNull();
        opened.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await opened.ReadDocumentAsync()).QuerySelector("[data-testid=email-change-refused]")!.TextContent.ShouldContain("no longer works");
        var stored = await StoredUserAsync(portal, id);
        (stored.Email, stored.PendingEmail).ShouldBe((email, (string?)null));
        (await AuditActionsAsync(portal, id)).ShouldContain(SecurityEvents.EmailChangeCancelled);
    }

    [Fact]
    public async Task ConfirmEmailChange_TamperedCode_RefusedAsInvalid()
    {
        // Arrange
        var (id, email) = await AddMemberAsync(portal.Factory, "Mia Moser");
        var newEmail = $"tamper-{Guid.NewGuid():N}@profile-tests.example";
        using var client = await SignedInAsync(portal, email);
        using var request = await client.SubmitFormAsync("/profile/email", ChangeTo(newEmail), "[data-testid=change-email-form]");
        var link = Link(await portal.Smtp.WaitForAsync(m => IsTo(m, newEmail) && m.Subject == ConfirmSubject), "/profile/email/confirm");
        var tampered = link.Replace("code=", "code=AAAA", StringComparison.Ordinal);

        // Act
        using var response = await portal.CreateClient().SubmitFormAsync(tampered, new Dictionary<string, string>(), "[data-testid=confirm-email-change-form]");

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StoredUserAsync(portal, id)).Email.ShouldBe(email);
    }

    internal static Dictionary<string, string> ChangeTo(string newEmail, string password = PortalFactory.DemoPassword) => new()
    {
        ["Input.NewEmail"] = newEmail,
        ["Input.CurrentPassword"] = password,
    };
}
