using System.Net;
using CecPortal.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.Account;

/// <summary>Sign-in throttling, lockout, and the session cookie's lifetime (OWASP ASVS 5.0 chapters 6 and 7).</summary>
public sealed class SessionSecurityTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task SignIn_Succeeds_IssuesAFreshHttpOnlyLaxCookieEachTime()
    {
        // Arrange
        using var client = portal.CreateClient();
        using var before = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        // Act
        using var first = await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);
        using var second = await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);

        // Assert
        AuthCookie(before).ShouldBeNull();
        var firstCookie = AuthCookie(first).ShouldNotBeNull();
        var secondCookie = AuthCookie(second).ShouldNotBeNull();
        secondCookie.Split(';')[0].ShouldNotBe(firstCookie.Split(';')[0]);
        firstCookie.ShouldContain("httponly", Case.Insensitive);
        firstCookie.ShouldContain("samesite=lax", Case.Insensitive);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_ShowsClearLockoutMessageAfterTheRightPassword()
    {
        // Arrange
        const string email = "l.rossi@demo.cec.example";
        using var client = portal.CreateClient();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var wrong = await client.SignInAsync(email, "not the password at all");
        }

        // Act
        using var fifth = await client.SignInAsync(email, "not the password at all");
        using var correct = await client.SignInAsync(email, PortalFactory.DemoPassword);

        // Assert
        const string message = "This account is locked after too many failed attempts. Try again in 15 minutes or reset your password.";
        // The attempt that locks the account is a wrong password like any other; only the right one learns of the lockout.
        (await fifth.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Trim().ShouldBe("The email address or password is not correct.");
        correct.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await correct.ReadDocumentAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Trim().ShouldBe(message);
    }

    [Fact]
    public async Task SignInAndAccountEmails_OverTheLimit_TooManyRequestsWhileReadingStillWorks()
    {
        // Arrange: a portal of its own that allows three sign-in posts a minute and two reset requests an hour
        var connectionString = await TestPostgres.CreateDatabaseAsync("signinlimit");
        await using var factory = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "3",
            ["RateLimits:PasswordResetPerHour"] = "2",
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.SignInAsync(PortalFactory.MemberEmail, "not the password at all");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var allowed = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = PortalFactory.MemberEmail });
            allowed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Act
        using var signIn = await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);
        using var forgot = await client.SubmitFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = PortalFactory.MemberEmail });
        using var resend = await client.SubmitFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = PortalFactory.MemberEmail });
        using var read = await client.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        signIn.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        signIn.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        AuthCookie(signIn).ShouldBeNull();
        (await signIn.ReadDocumentAsync()).QuerySelector("main h1")!.TextContent.ShouldBe("Too many requests");
        forgot.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        resend.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "resending the confirmation mails an address too and shares the limit");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Session_IdleLongerThanIdleTimeout_SignedOut()
    {
        // Arrange
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = await FakeClockPortalAsync(clock, "idle");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        clock.Advance(TimeSpan.FromMinutes(29));
        using var stillActive = await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken);

        // Act
        clock.Advance(TimeSpan.FromMinutes(31));
        using var idle = await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        stillActive.StatusCode.ShouldBe(HttpStatusCode.OK);
        idle.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        idle.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task Session_ActiveButOlderThanAbsoluteTimeout_SignedOut()
    {
        // Arrange: a member active every 20 minutes (within the 30-minute idle timeout) for almost 12 hours
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = await FakeClockPortalAsync(clock, "absolute");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed < TimeSpan.FromHours(12); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            using var active = await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken);
            active.StatusCode.ShouldBe(HttpStatusCode.OK, $"still signed in after {elapsed}");
        }

        // Act
        clock.Advance(TimeSpan.FromMinutes(20));
        using var expired = await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken);
        using var afterwards = await client.GetAsync(new Uri("/profile", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        expired.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static string? AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith("cec.auth=", StringComparison.Ordinal)) : null;

    private static async Task<WebApplicationFactory<Program>> FakeClockPortalAsync(FakeTimeProvider clock, string name)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(name);
        var factory = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?>
        {
            ["Security:IdleTimeout"] = "00:30:00",
            ["Security:AbsoluteTimeout"] = "12:00:00",
        });
        return factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
    }
}
