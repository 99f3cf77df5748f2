using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Account.TwoFactor;

/// <summary>Authenticator app (TOTP) enrolment, sign-in with a code or a recovery code, replay refusal and removal.</summary>
public sealed class TwoFactorSignInTests(TwoFactorPortalFixture portal) : IClassFixture<TwoFactorPortalFixture>
{
    private const string CodeStep = "/account/login/code";

    [Fact]
    public async Task Enrol_CorrectCodeAndPassword_TurnsOnShowsTenRecoveryCodesAuditsAndEmails()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        using var client = await portal.PasswordSignedInAsync(email);
        var page = await client.GetDocumentAsync("/account/security/authenticator");

        // Act
        var enrolled = await portal.EnrolAsync(client);

        // Assert
        page.QuerySelector("[data-testid=authenticator-qr]")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ShouldBe(enrolled.Key);
        enrolled.RecoveryCodes.Count.ShouldBe(10);
        enrolled.RecoveryCodes.Distinct().Count().ShouldBe(10);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeTrue();
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.MfaEnabled);
        var notice = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? string.Empty).Contains("Two-step sign-in is on", StringComparison.Ordinal));
        (notice.TextBody ?? string.Empty).ShouldContain("If you did not make this change");
        var security = await client.GetDocumentAsync("/account/security");
        security.QuerySelector("[data-testid=recovery-codes-left]")!.TextContent.ShouldContain("10");
    }

    [Fact]
    public async Task RecoveryCodesPage_SecondVisit_CodesNotShownAgain()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        using var client = await portal.PasswordSignedInAsync(email);
        await portal.EnrolAsync(client);

        // Act
        using var again = await client.GetAsync(new Uri("/account/security/recovery-codes", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.OriginalString.ShouldBe("/account/security");
    }

    [Fact]
    public async Task Enrol_WrongPassword_RefusedKeepsTypedCodeAndStaysOff()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        using var client = await portal.PasswordSignedInAsync(email);
        var page = await client.GetDocumentAsync("/account/security/authenticator");
        var key = page.QuerySelector("[data-testid=authenticator-key-raw]")!.GetAttribute("value")!;
        var code = TotpCodes.At(key, portal.Clock.GetUtcNow());

        // Act
        using var response = await client.SubmitFormAsync("/account/security/authenticator", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Password"] = "not the password at all",
        });
        var document = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent.ShouldBe("The password is not correct.");
        document.QuerySelector("input[name='Input.Code']")!.GetAttribute("value").ShouldBe(code);
        document.QuerySelector("input[name='Input.Password']")!.GetAttribute("value").ShouldBeNullOrEmpty();
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.TwoFactorEnabled, u.AccessFailedCount }).SingleAsync()))
            .ShouldBe(new { TwoFactorEnabled = false, AccessFailedCount = 1 });
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.ReauthenticationFailed);
    }

    [Fact]
    public async Task Enrol_WrongCode_RefusedWithMessageAndStaysOff()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        using var client = await portal.PasswordSignedInAsync(email);
        var key = (await client.GetDocumentAsync("/account/security/authenticator")).QuerySelector("[data-testid=authenticator-key-raw]")!.GetAttribute("value")!;
        var wrong = TotpCodes.At(key, portal.Clock.GetUtcNow().AddMinutes(5));

        // Act
        using var response = await client.SubmitFormAsync("/account/security/authenticator", new Dictionary<string, string>
        {
            ["Input.Code"] = wrong,
            ["Input.Password"] = TwoFactorPortalFixture.Password,
        });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent.ShouldStartWith("That code is not correct.");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_TwoFactorOn_PasswordAloneDoesNotSignInAndCodeDoes()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        Enrolled enrolled;
        using (var enrolling = await portal.PasswordSignedInAsync(email))
        {
            enrolled = await portal.EnrolAsync(enrolling);
        }

        portal.NextStep();
        using var client = portal.CreateClient();

        // Act
        using var password = await client.SignInAsync(email, TwoFactorPortalFixture.Password);
        using var between = await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken);
        using var code = await client.SubmitFormAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Code"] = TotpCodes.At(enrolled.Key, portal.Clock.GetUtcNow()),
        });
        using var after = await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        password.Headers.Location!.OriginalString.ShouldStartWith(CodeStep);
        between.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password alone must not sign in");
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        code.Headers.Location!.OriginalString.ShouldBe("/");
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await AuditAsync(email);
        audit.ShouldContain(a => a.Action == SecurityEvents.SignInNeedsSecondFactor);
        audit.ShouldContain(a => a.Action == SecurityEvents.SignInSucceeded && a.Note == "Second step: authenticator code.");
    }

    [Fact]
    public async Task SignIn_WrongCode_RefusedCountedAndLocksAfterFive()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        using (var enrolling = await portal.PasswordSignedInAsync(email))
        {
            await portal.EnrolAsync(enrolling);
        }

        using var client = portal.CreateClient();
        using var password = await client.SignInAsync(email, TwoFactorPortalFixture.Password);
        var step = password.Headers.Location!.OriginalString;

        // Act
        using var first = await client.SubmitFormAsync(step, new Dictionary<string, string> { ["Input.Code"] = "000000" });
        var countAfterFirst = await FailedCountAsync(email);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.SubmitFormAsync(step, new Dictionary<string, string> { ["Input.Code"] = "000000" });
        }

        using var fifth = await client.SubmitFormAsync(step, new Dictionary<string, string> { ["Input.Code"] = "000000" });

        // Assert
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent.ShouldStartWith("That code is not correct");
        countAfterFirst.ShouldBe(1);
        (await fifth.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent.ShouldContain("locked");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync())).ShouldNotBeNull();
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.SecondFactorFailed);
    }

    [Fact]
    public async Task SignIn_SameCodeTwiceInItsWindow_SecondRefused()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        Enrolled enrolled;
        using (var enrolling = await portal.PasswordSignedInAsync(email))
        {
            enrolled = await portal.EnrolAsync(enrolling);
        }

        portal.NextStep();
        var code = TotpCodes.At(enrolled.Key, portal.Clock.GetUtcNow());
        using var first = portal.CreateClient();
        using var second = portal.CreateClient();

        // Act
        using var accepted = await portal.SignInWithCodeAsync(first, email, code);
        portal.Clock.Advance(TimeSpan.FromSeconds(10));
        using var replayed = await portal.SignInWithCodeAsync(second, email, code);

        // Assert
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replayed.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent.ShouldContain("already used");
    }

    [Fact]
    public async Task SignIn_CodeUsedToConfirmEnrolment_RefusedAsReplayButNextStepAccepted()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        Enrolled enrolled;
        using (var enrolling = await portal.PasswordSignedInAsync(email))
        {
            enrolled = await portal.EnrolAsync(enrolling);
        }

        var enrolmentCode = TotpCodes.At(enrolled.Key, portal.Clock.GetUtcNow());
        using var client = portal.CreateClient();

        // Act
        using var replayed = await portal.SignInWithCodeAsync(client, email, enrolmentCode);
        portal.NextStep();
        using var fresh = await client.SubmitFormAsync(CodeStep, new Dictionary<string, string> { ["Input.Code"] = TotpCodes.At(enrolled.Key, portal.Clock.GetUtcNow()) });

        // Assert
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        fresh.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_CodeOfAnEarlierStepAfterALaterOne_Refused()
    {
        // Arrange: the app's clock runs a step ahead; the code of the step before is still within the drift window
        var email = await portal.NewAccountAsync();
        Enrolled enrolled;
        using (var enrolling = await portal.PasswordSignedInAsync(email))
        {
            enrolled = await portal.EnrolAsync(enrolling);
        }

        portal.NextStep();
        portal.NextStep();
        var now = portal.Clock.GetUtcNow();
        using var ahead = await portal.SignInWithCodeAsync(portal.CreateClient(), email, TotpCodes.At(enrolled.Key, now.AddSeconds(30)));

        // Act
        using var earlier = await portal.SignInWithCodeAsync(portal.CreateClient(), email, TotpCodes.At(enrolled.Key, now));

        // Assert
        ahead.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        earlier.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task VerifyCode_TwoParallelRequestsWithTheSameCode_OnlyOneAccepted()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        Enrolled enrolled;
        using (var enrolling = await portal.PasswordSignedInAsync(email))
        {
            enrolled = await portal.EnrolAsync(enrolling);
        }

        portal.NextStep();
        var code = TotpCodes.At(enrolled.Key, portal.Clock.GetUtcNow());

        // Act: many rounds, each two scopes (two requests) racing through Identity with the same code
        var results = new List<bool[]>();
        for (var round = 0; round < 10; round++)
        {
            using var start = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await using var scope = portal.Factory.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
                var user = (await users.FindByEmailAsync(email))!;
                start.Wait(TestContext.Current.CancellationToken);
                return await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code);
            })).ToList();
            start.Set();
            results.Add(await Task.WhenAll(racers));
            portal.NextStep();
            code = TotpCodes.At(enrolled.Key, portal.Clock.GetUtcNow());
        }

        // Assert
        results.ShouldAllBe(round => round.Count(accepted => accepted) == 1);
    }

    [Fact]
    public async Task SignIn_RecoveryCode_SignsInOnceAndNotAgain()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        Enrolled enrolled;
        using (var enrolling = await portal.PasswordSignedInAsync(email))
        {
            enrolled = await portal.EnrolAsync(enrolling);
        }

        var recovery = enrolled.RecoveryCodes[3];

        // Act
        using var first = portal.CreateClient();
        (await first.SignInAsync(email, TwoFactorPortalFixture.Password)).Dispose();
        using var used = await first.SubmitFormAsync("/account/login/recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = recovery });
        using var second = portal.CreateClient();
        (await second.SignInAsync(email, TwoFactorPortalFixture.Password)).Dispose();
        using var reused = await second.SubmitFormAsync("/account/login/recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = recovery });

        // Assert
        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        used.Headers.Location!.OriginalString.ShouldBe("/");
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.RecoveryCode']")!.TextContent.ShouldContain("already used");
        (await FailedCountAsync(email)).ShouldBe(1, "a wrong recovery code counts once towards lockout");
        (await AuditAsync(email)).ShouldContain(a => a.Action == SecurityEvents.SignInSucceeded && a.Note == "Second step: recovery code.");
        var security = await first.GetDocumentAsync("/account/security");
        security.QuerySelector("[data-testid=recovery-codes-left]")!.TextContent.ShouldContain("9");
    }

    [Fact]
    public async Task RegenerateRecoveryCodes_WithPassword_OldCodesStopWorkingNewOnesShownOnce()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        using var client = await portal.PasswordSignedInAsync(email);
        var enrolled = await portal.EnrolAsync(client);

        // Act
        using var response = await client.SubmitFormAsync("/account/security?handler=RecoveryCodes", new Dictionary<string, string> { ["Input.Password"] = TwoFactorPortalFixture.Password }, "[data-testid=recovery-codes-form]");
        var fresh = (await client.GetDocumentAsync(response.Headers.Location!.OriginalString)).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        using var other = portal.CreateClient();
        (await other.SignInAsync(email, TwoFactorPortalFixture.Password)).Dispose();
        using var old = await other.SubmitFormAsync("/account/login/recovery-code", new Dictionary<string, string> { ["Input.RecoveryCode"] = enrolled.RecoveryCodes[0] });

        // Assert
        fresh.Count.ShouldBe(10);
        fresh.ShouldNotContain(enrolled.RecoveryCodes[0]);
        old.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.MfaRecoveryCodesRegenerated);
    }

    [Theory]
    [InlineData("RecoveryCodes", "recovery-codes")]
    [InlineData("Reset", "reset")]
    [InlineData("Disable", "disable")]
    public async Task SecurityChange_WrongPassword_RefusedAndNothingChanges(string handler, string form)
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        using var client = await portal.PasswordSignedInAsync(email);
        await portal.EnrolAsync(client);
        var before = await portal.WithDbAsync(db => db.UserTokens.CountAsync());
        var keyBefore = await StoredKeyAsync(email);

        // Act
        using var response = await client.SubmitFormAsync($"/account/security?handler={handler}", new Dictionary<string, string> { ["Input.Password"] = "wrong password for this" }, $"[data-testid={form}-form]");
        var document = await response.ReadDocumentAsync();

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelectorAll("[data-testid=password-error]").Select(e => e.TextContent).ShouldBe(["The password is not correct."]);
        document.QuerySelector($"[data-testid={form}-form] [data-testid=password-error]").ShouldNotBeNull();
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeTrue();
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.ReauthenticationFailed);
        (await StoredKeyAsync(email)).ShouldBe(keyBefore);
        before.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Disable_WithPassword_TurnsOffAuditsEmailsAndPasswordAloneSignsIn()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        using var client = await portal.PasswordSignedInAsync(email);
        await portal.EnrolAsync(client);

        // Act
        using var response = await client.SubmitFormAsync("/account/security?handler=Disable", new Dictionary<string, string> { ["Input.Password"] = TwoFactorPortalFixture.Password }, "[data-testid=disable-form]");
        using var signIn = await portal.CreateClient().SignInAsync(email, TwoFactorPortalFixture.Password);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync("/account/security")).QuerySelector("[data-testid=two-step-status]")!.TextContent.ShouldContain("Off");
        signIn.Headers.Location!.OriginalString.ShouldBe("/");
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.MfaDisabled);
        await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? string.Empty).Contains("off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResetAuthenticator_WithPassword_OldKeyNoLongerWorksAndNewKeyOffered()
    {
        // Arrange
        var email = await portal.NewAccountAsync();
        using var client = await portal.PasswordSignedInAsync(email);
        var enrolled = await portal.EnrolAsync(client);

        // Act
        using var response = await client.SubmitFormAsync("/account/security?handler=Reset", new Dictionary<string, string> { ["Input.Password"] = TwoFactorPortalFixture.Password }, "[data-testid=reset-form]");
        var enrolPage = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);

        // Assert
        response.Headers.Location!.OriginalString.ShouldBe("/account/security/authenticator");
        enrolPage.QuerySelector("[data-testid=authenticator-key-raw]")!.GetAttribute("value").ShouldNotBe(enrolled.Key);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeFalse();
        (await AuditActionsAsync(email)).ShouldContain(SecurityEvents.MfaAuthenticatorReset);
    }

    [Fact]
    public async Task CodeStep_WithoutPasswordStep_SendsToSignIn()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri(CodeStep, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/account/login");
    }

    private Task<int> FailedCountAsync(string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync());

    private async Task<List<string>> AuditActionsAsync(string email) => [.. (await AuditAsync(email)).Select(a => a.Action)];

    private async Task<List<(string Action, string? Note)>> AuditAsync(string email)
    {
        var id = await portal.UserIdAsync(email);
        var subject = SecurityEvents.UserSubject(id);
        var rows = await portal.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == subject).OrderBy(a => a.Id).Select(a => new { a.Action, a.Note }).ToListAsync());
        return [.. rows.Select(r => (r.Action, r.Note))];
    }

    /// <summary>The authenticator key's row as stored (encrypted), to see whether it changed.</summary>
    private Task<string?> StoredKeyAsync(string email) =>
        portal.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == db.Users.Single(u => u.Email == email).Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync());
}
