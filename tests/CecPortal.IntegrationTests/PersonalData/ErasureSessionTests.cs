using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace CecPortal.IntegrationTests.PersonalData;

/// <summary>
/// Erasure ends open sessions. A class of its own: its portal runs on a clock the test moves, and a second portal in a
/// class would take over Hangfire's static storage from the class fixture's.
/// </summary>
public sealed class ErasureSessionTests
{
    [Fact]
    public async Task AdminErase_MemberWithAnOpenSession_SessionEndsAtTheNextStampCheck()
    {
        // Arrange: a portal of its own with a clock the test moves
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var connectionString = await TestPostgres.CreateDatabaseAsync("erasesession");
        await using var factory = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?> { ["Jobs:ServerEnabled"] = "false" })
            .WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var member = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await member.SignInAsync("l.rossi@demo.cec.example", PortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var memberId = (await users.FindByEmailAsync("l.rossi@demo.cec.example"))!.Id;
        var admin = (await users.FindByEmailAsync(PortalFactory.AdminEmail))!;

        // Act
        await scope.ServiceProvider.GetRequiredService<AccountErasure>().EraseByAdminAsync(memberId, "On request.", forCause: false, new Actor(admin.Id, admin.UserName!), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(2));
        using var after = await member.GetAsync(new Uri("/briefings", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }
}
