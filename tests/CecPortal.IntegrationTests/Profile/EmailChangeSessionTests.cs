using System.Net;
using CecPortal.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using static CecPortal.IntegrationTests.Profile.ProfileTestKit;

namespace CecPortal.IntegrationTests.Profile;

/// <summary>
/// On its own portal (a moving clock) and in its own class: a second portal replaces Hangfire's static storage, so no
/// other test may share a class with it.
/// </summary>
public sealed class EmailChangeSessionTests
{
    [Fact]
    public async Task ConfirmEmailChange_OtherSessions_EndWithinTheStampInterval()
    {
        // Arrange: a portal on a clock the test moves, on its own database, with its own SMTP sink.
        await using var smtp = new SmtpSink();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var connectionString = await TestPostgres.CreateDatabaseAsync("email-change");
        await using var factory = new PortalFactory(connectionString, smtp.Port).WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true };
        var email = $"{Guid.NewGuid():N}@profile-tests.example";
        await TestUsers.CreateAsync(factory.Services, new TestUser(email, "Nils Nyberg", "Member") { Password = PortalFactory.DemoPassword });
        var newEmail = $"sessions-{Guid.NewGuid():N}@profile-tests.example";
        using var laptop = factory.CreateClient(options);
        using var phone = factory.CreateClient(options);
        (await laptop.SignInAsync(email, PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await phone.SignInAsync(email, PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var request = await laptop.SubmitFormAsync("/profile/email", EmailChangeTests.ChangeTo(newEmail), "[data-testid=change-email-form]");
        var link = Link(await smtp.WaitForAsync(m => IsTo(m, newEmail) && m.Subject == EmailChangeTests.ConfirmSubject), "/profile/email/confirm");

        // Act
        using var confirmed = await laptop.SubmitFormAsync(link, new Dictionary<string, string>(), "[data-testid=confirm-email-change-form]");
        clock.Advance(TimeSpan.FromMinutes(2));
        using var onPhone = await phone.GetAsync(new Uri("/profile", UriKind.Relative), Token);
        using var onLaptop = await laptop.GetAsync(new Uri("/profile", UriKind.Relative), Token);

        // Assert
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        onPhone.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        onPhone.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
        onLaptop.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
