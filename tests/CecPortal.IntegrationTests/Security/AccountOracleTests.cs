using System.Net;
using System.Text.RegularExpressions;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Security;

/// <summary>
/// Sign-in is no account oracle: a wrong password gets the same page whatever the account's state, and only the right
/// password learns why an account cannot sign in.
/// </summary>
public sealed partial class AccountOracleTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string WrongPassword = "Not-the-right-passphrase-42";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_WrongPasswordForAnyAccountState_AnswersTheSamePageAndStatus()
    {
        // Arrange
        var accounts = await AccountsInEveryStateAsync("same-page");
        accounts["unknown"] = "nobody-same-page@oracle-tests.example";
        var pages = new Dictionary<string, (HttpStatusCode Status, string Body)>();

        // Act
        foreach (var (state, email) in accounts)
        {
            using var client = portal.CreateClient();
            using var response = await client.SignInAsync(email, WrongPassword);
            pages[state] = (response.StatusCode, Normalize(await response.Content.ReadAsStringAsync(Token), email));
        }

        // Assert
        var reference = pages["wrong password"];
        reference.Status.ShouldBe(HttpStatusCode.OK);
        reference.Body.ShouldContain("The email address or password is not correct.");
        foreach (var (state, page) in pages)
        {
            page.Status.ShouldBe(reference.Status, state);
            page.Body.ShouldBe(reference.Body, state);
        }
    }

    [Fact]
    public async Task SignIn_RightPasswordForAnAccountThatCannotSignIn_ExplainsWhy()
    {
        // Arrange
        var accounts = await AccountsInEveryStateAsync("right-password");

        // Act
        var suspended = await SignInMessageAsync(accounts["suspended"], PortalFactory.DemoPassword);
        var unconfirmed = await SignInMessageAsync(accounts["unconfirmed"], PortalFactory.DemoPassword);
        var locked = await SignInMessageAsync(accounts["locked out"], PortalFactory.DemoPassword);

        // Assert
        suspended.ShouldContain("suspended");
        unconfirmed.ShouldContain("confirm your email");
        locked.ShouldContain("locked");
    }

    [Fact]
    public async Task SignIn_WrongPasswordOnSuspendedAccount_CountsTowardsLockoutAndAuditsTheRealState()
    {
        // Arrange
        var accounts = await AccountsInEveryStateAsync("audit");
        var email = accounts["suspended"];

        // Act
        await SignInMessageAsync(email, WrongPassword);

        // Assert
        var (failures, note) = await portal.WithDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, Token);
            var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Subject == SecurityEvents.UserSubject(user.Id)).OrderByDescending(e => e.At).FirstAsync(Token);
            return (user.AccessFailedCount, entry.Note);
        });
        failures.ShouldBe(1);
        note.ShouldBe("Wrong password. The account is suspended.");
    }

    [Fact]
    public async Task ResendConfirmation_AnyAddress_SameAnswerAndOnlyTheUnconfirmedAccountGetsALink()
    {
        // Arrange
        var accounts = await AccountsInEveryStateAsync("resend");
        using var client = portal.CreateClient();

        // Act
        using var unknown = await client.SubmitFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = "nobody-resend@oracle-tests.example" });
        using var confirmed = await client.SubmitFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = accounts["wrong password"] });
        using var unconfirmed = await client.SubmitFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = accounts["unconfirmed"] });
        var link = await portal.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == accounts["unconfirmed"]));

        // Assert
        foreach (var response in new[] { unknown, confirmed, unconfirmed })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe(unconfirmed.Headers.Location!.OriginalString);
        }

        link.Subject.ShouldBe("Confirm your email address for the CEC Portal");
        portal.Smtp.Messages.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == accounts["wrong password"]));
    }

    /// <summary>A signed-in-able account, a suspended one, an unconfirmed one, a locked-out one and one without a password yet.</summary>
    private async Task<Dictionary<string, string>> AccountsInEveryStateAsync(string tag)
    {
        var accounts = new Dictionary<string, string>
        {
            ["wrong password"] = $"known-{tag}@oracle-tests.example",
            ["suspended"] = $"suspended-{tag}@oracle-tests.example",
            ["unconfirmed"] = $"unconfirmed-{tag}@oracle-tests.example",
            ["locked out"] = $"locked-{tag}@oracle-tests.example",
            ["no password yet"] = $"invited-{tag}@oracle-tests.example",
        };
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(accounts["wrong password"], "Known Person", Roles.Member) { Password = PortalFactory.DemoPassword });
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(accounts["suspended"], "Suspended Person", Roles.Member) { Password = PortalFactory.DemoPassword, Suspended = true });
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(accounts["locked out"], "Locked Person", Roles.Member) { Password = PortalFactory.DemoPassword });
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(accounts["no password yet"], "Invited Person", Roles.Member));
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var unconfirmed = new PortalUser(new ProfileDetails("Unconfirmed Person", null, null, null, null, HiddenFromDirectory: false), DateTimeOffset.UtcNow) { UserName = accounts["unconfirmed"], Email = accounts["unconfirmed"] };
        (await users.CreateAsync(unconfirmed, PortalFactory.DemoPassword)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(unconfirmed, Roles.Member)).Succeeded.ShouldBeTrue();
        var locked = (await users.FindByEmailAsync(accounts["locked out"]))!;
        (await users.SetLockoutEndDateAsync(locked, DateTimeOffset.UtcNow.AddMinutes(15))).Succeeded.ShouldBeTrue();
        return accounts;
    }

    private async Task<string> SignInMessageAsync(string email, string password)
    {
        using var client = portal.CreateClient();
        using var response = await client.SignInAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent;
    }

    /// <summary>The page without what differs on every response (antiforgery token, script nonces) and the typed email it echoes.</summary>
    private static string Normalize(string html, string typedEmail) =>
        Nonce().Replace(AntiforgeryValue().Replace(html.Replace(typedEmail, "{email}", StringComparison.Ordinal), "$1{token}\""), "nonce=\"{nonce}\"");

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]*\"")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();
}
