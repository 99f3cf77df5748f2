using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Account;

public sealed class SignInTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task SignIn_SeededMemberWithCorrectPassword_RedirectsHomeAndShowsMemberNavigation()
    {
        using var client = portal.CreateClient();

        using var response = await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);
        var home = await client.GetDocumentAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        var nav = home.QuerySelector("[data-testid=nav]")!.TextContent;
        nav.ShouldContain("Briefings");
        nav.ShouldContain("Webinars");
        nav.ShouldContain("Profile");
        nav.ShouldNotContain("Admin");
        home.QuerySelector("[data-testid=signed-in-as]")!.TextContent.ShouldBe(PortalFactory.MemberEmail);
    }

    [Fact]
    public async Task SignIn_WithReturnUrl_GoesBackThere()
    {
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync("/account/login?ReturnUrl=%2Fprofile", new Dictionary<string, string>
        {
            ["Input.Email"] = PortalFactory.MemberEmail,
            ["Input.Password"] = PortalFactory.DemoPassword,
        });

        response.Headers.Location!.OriginalString.ShouldBe("/profile");
    }

    [Fact]
    public async Task SignIn_WithExternalReturnUrl_GoesHomeInstead()
    {
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Email"] = PortalFactory.MemberEmail,
            ["Input.Password"] = PortalFactory.DemoPassword,
        });

        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = portal.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = PortalFactory.MemberEmail,
            ["Input.Password"] = PortalFactory.DemoPassword,
        });

        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_WithMalformedEmail_ReshowsFormWithMessageAndTypedValue()
    {
        using var client = portal.CreateClient();

        using var response = await client.SignInAsync("not-an-email", "whatever");
        var page = await response.ReadDocumentAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.ShouldBe("Enter a valid email address.");
        page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value").ShouldBe("not-an-email");
    }

    [Fact]
    public async Task SignIn_WithOverlongInput_ReshowsFormInsteadOfFailing()
    {
        using var client = portal.CreateClient();

        using var response = await client.SignInAsync(new string('a', 5000) + "@example.org", new string('b', 5000));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task SignIn_WithNonBooleanRememberMe_ReshowsFormInsteadOfFailing()
    {
        using var client = portal.CreateClient();

        using var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = PortalFactory.MemberEmail,
            ["Input.Password"] = PortalFactory.DemoPassword,
            ["Input.RememberMe"] = "yes",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector("input[name='Input.Email']")!.GetAttribute("value").ShouldBe(PortalFactory.MemberEmail);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccountAndSaysSoOnlyToTheRightPassword()
    {
        const string email = "j.schneider@demo.cec.example";
        using var client = portal.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.SignInAsync(email, "Not-the-passw0rd!");
            (await wrong.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent
                .ShouldContain("not correct");
        }

        using var correct = await client.SignInAsync(email, PortalFactory.DemoPassword);

        correct.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await correct.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("locked");
        var lockoutEnd = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldNotBeNull();
        lockoutEnd.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task SignIn_UnconfirmedEmail_IsRefusedWithExplanation()
    {
        const string email = "unconfirmed@demo.cec.example";
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var created = await users.CreateAsync(new PortalUser(new ProfileDetails("Unconfirmed Person", null, null, null, null, HiddenFromDirectory: false), DateTimeOffset.UtcNow) { UserName = email, Email = email }, PortalFactory.DemoPassword);
            created.Succeeded.ShouldBeTrue();
        }

        using var client = portal.CreateClient();

        using var response = await client.SignInAsync(email, PortalFactory.DemoPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("confirm your email");
    }

    [Fact]
    public async Task SignOut_AfterSignIn_EndsTheSession()
    {
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var home = await client.GetDocumentAsync("/");
        var token = home.QuerySelector("header form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var signOut = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form, TestContext.Current.CancellationToken);
        using var profile = await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken);

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        profile.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
