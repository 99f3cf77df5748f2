using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Features.Membership.Attestation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Membership.Attestation;

/// <summary>The demo's yearly confirmation: one member asked (banner at sign-in), one lapsed (sent to confirm), the rest scheduled.</summary>
public sealed class AttestationDemoDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Seed_OnDemoDatabase_OneMemberDueOneLapsedTheRestScheduled()
    {
        // Arrange
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AttestationDemoData>().SeedAsync(TestContext.Current.CancellationToken);
        }

        using var due = await portal.SignedInClientAsync(AttestationDemoData.DueEmail);
        using var lapsed = await portal.SignedInClientAsync(AttestationDemoData.LapsedEmail);
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);

        // Act
        var dueHome = await due.GetDocumentAsync("/");
        using var lapsedBriefings = await lapsed.GetAsync(new Uri("/briefings", UriKind.Relative), TestContext.Current.CancellationToken);
        var dashboard = await admin.GetDocumentAsync("/admin");
        var unscheduled = await portal.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@demo.cec.example") && u.AttestationDueAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "Member"))));

        // Assert
        dueHome.QuerySelector("[data-testid=attestation-banner-confirm]")!.TextContent.ShouldContain("Liffey Foods");
        lapsedBriefings.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        lapsedBriefings.Headers.Location!.OriginalString.ShouldBe(AttestationPaths.Attest);
        dashboard.QuerySelector("[data-testid=standing-due]")!.TextContent.Trim().ShouldBe("1");
        dashboard.QuerySelector("[data-testid=standing-lapsed]")!.TextContent.Trim().ShouldBe("1");
        unscheduled.ShouldBe(0);
    }
}
