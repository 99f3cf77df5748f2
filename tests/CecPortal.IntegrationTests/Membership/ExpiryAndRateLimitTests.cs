using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Membership.Applications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static CecPortal.IntegrationTests.Membership.MembershipFlowTests;

namespace CecPortal.IntegrationTests.Membership;

/// <summary>Housekeeping of unverified applications and the limit on public form submissions.</summary>
public sealed class ExpiryAndRateLimitTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task RunExpiryJob_UnverifiedOlderThanSevenDays_DeletedOthersKept()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var oldUnverified = Submit("expiry.old@expiry-demo.eu", now.AddDays(-8));
        var recentUnverified = Submit("expiry.recent@expiry-demo.eu", now.AddDays(-6));
        var oldVerified = Submit("expiry.verified@expiry-demo.eu", now.AddDays(-30), verifyAfter: TimeSpan.FromHours(2));
        var oldWithdrawn = Submit("expiry.withdrawn@expiry-demo.eu", now.AddDays(-9));
        oldWithdrawn.Withdraw(now.AddDays(-9).AddHours(1));
        await portal.WithDbAsync(db =>
        {
            db.MembershipApplications.AddRange(oldUnverified, recentUnverified, oldVerified, oldWithdrawn);
            return db.SaveChangesAsync();
        });

        // Act
        int deleted;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var job = ActivatorUtilities.GetServiceOrCreateInstance<ExpireUnverifiedApplicationsJob>(scope.ServiceProvider);
            deleted = await job.RunAsync(TestContext.Current.CancellationToken);
        }

        // Assert
        deleted.ShouldBeGreaterThanOrEqualTo(1);
        var remaining = await portal.WithDbAsync(db => db.MembershipApplications.Where(a => a.WorkEmail.StartsWith("expiry.")).Select(a => a.Id).ToListAsync());
        remaining.ShouldBe([recentUnverified.Id, oldVerified.Id, oldWithdrawn.Id], ignoreOrder: true);
        (await portal.WithDbAsync(db => db.ApplicationEvents.CountAsync(e => e.ApplicationId == oldUnverified.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task PostApply_ThirdWithinTheHour_TooManyRequestsWhileReadingStillWorks()
    {
        // Arrange: a portal of its own that allows two submissions an hour
        var connectionString = await TestPostgres.CreateDatabaseAsync("ratelimit");
        await using var factory = new PortalFactory(connectionString, smtpPort: null, new Dictionary<string, string?> { ["RateLimits:PublicFormsPerHour"] = "2" });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var first = await client.SubmitFormAsync("/apply", Form("rate.first@rate-demo.eu"));
        using var second = await client.SubmitFormAsync("/apply", Form("rate.second@rate-demo.eu"));

        // Act
        using var third = await client.SubmitFormAsync("/apply", Form("rate.third@rate-demo.eu"));
        using var read = await client.GetAsync(new Uri("/apply", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        var page = await third.ReadDocumentAsync();
        page.QuerySelector("main h1")!.TextContent.ShouldBe("Too many requests");
        page.QuerySelector("main .lead")!.TextContent.ShouldContain("Please wait");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await read.ReadDocumentAsync()).QuerySelector("[data-testid=apply-form]").ShouldNotBeNull();
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().MembershipApplications
            .Where(a => a.WorkEmail.StartsWith("rate.")).Select(a => a.WorkEmail).ToListAsync(TestContext.Current.CancellationToken);
        stored.ShouldBe(["rate.first@rate-demo.eu", "rate.second@rate-demo.eu"], ignoreOrder: true);
    }

    private static MembershipApplication Submit(string email, DateTimeOffset at, TimeSpan? verifyAfter = null)
    {
        var details = new ApplicationDetails(
            "Expiry Tester", email, "CISO", "Expiry Demo", "https://www.expiry-demo.eu", "FR", "energy", null,
            OrganisationSize.Under250, null, "I lead security for a demo organisation and want to exchange with peers.", null);
        var application = MembershipApplication.Submit(details, privacyNoticeVersion: 1, at, out var token);
        if (verifyAfter is { } delay)
        {
            application.Verify(token, [], at + delay);
        }

        return application;
    }
}
