using CecPortal.IntegrationTests.Briefings;
using CecPortal.Testing;
using CecPortal.Web.Features.Deliverability;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CecPortal.IntegrationTests.Deliverability;

/// <summary>The demo's bounced member, as a newcomer's development portal seeds it (with the demo briefings).</summary>
public sealed class DeliverabilityDemoDataTests(DemoBriefingsPortalFixture portal) : IClassFixture<DemoBriefingsPortalFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithDemoBriefings_OneMemberHasABouncedAddressShownToThemAndToStaff()
    {
        // Arrange
        var memberId = await portal.UserIdAsync(DeliverabilityDemoData.BouncedMemberEmail);

        // Act
        var member = await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == memberId, Token));
        var bounces = await portal.WithDbAsync(db => db.MailBounces.AsNoTracking().Where(b => b.MemberId == memberId).OrderBy(b => b.ReceivedAt).ToListAsync(Token));
        var bounce = bounces[^1];
        using var client = await portal.SignedInClientAsync(DeliverabilityDemoData.BouncedMemberEmail);
        var home = await client.GetDocumentAsync("/");
        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var deliveries = await admin.GetDocumentAsync($"/admin/briefings/{bounce.BriefingId}/deliveries");
        var problems = await admin.GetDocumentAsync("/admin/delivery-problems");

        // Assert
        member.IsUndeliverable.ShouldBeTrue();
        var failed = await portal.WithDbAsync(db => db.BriefingDeliveries.CountAsync(d => d.MemberId == memberId && d.Status == Web.Features.Briefings.DeliveryStatus.Failed, Token));
        failed.ShouldBeGreaterThan(0);
        bounces.Count.ShouldBe(failed, "one bounce per morning the demo mailbox was full");
        bounces.ShouldAllBe(b => b.Kind == BounceKind.Soft && b.StatusCode == "4.2.2");
        member.UndeliverableReason!.ShouldContain("soft bounces");
        home.QuerySelector("[data-testid=address-banner]").ShouldNotBeNull();
        deliveries.QuerySelector("[data-testid=briefing-bounces]")!.TextContent.ShouldContain("mailbox is full");
        problems.QuerySelector($"[data-testid=undeliverable] tr[data-member='{DeliverabilityDemoData.BouncedMemberEmail}']").ShouldNotBeNull();
    }
}
