using CecPortal.Testing;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
using CecPortal.Web.Features.Membership.ProfileChanges;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Membership;

public sealed class MembershipDemoDataTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Seed_OnDemoDatabase_FillsTheQueueWithFlaggedApplicationsInEveryState()
    {
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MembershipDemoData>().SeedAsync(TestContext.Current.CancellationToken);
        }

        using var admin = await portal.SignedInClientAsync(PortalFactory.AdminEmail);
        var queue = await admin.GetDocumentAsync("/admin/vetting");
        var statuses = await portal.WithDbAsync(db => db.MembershipApplications.Select(a => a.Status).Distinct().ToListAsync());
        var flags = await portal.WithDbAsync(db => db.ApplicationFlags.Select(f => f.Kind).Distinct().ToListAsync());

        queue.QuerySelectorAll("[data-testid=queue] tbody tr").Length.ShouldBe(7);
        statuses.ShouldBe(
            [ApplicationStatus.Unverified, ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.InformationRequested, ApplicationStatus.Declined],
            ignoreOrder: true);
        flags.ShouldContain(FlagKind.FreeMailAddress);
        flags.ShouldContain(FlagKind.CountryNotEligible);
        flags.ShouldContain(FlagKind.JobTitleNotSecurityLeadership);
    }

    [Fact]
    public async Task Seed_OnDemoDatabase_LeavesOneMembersOrganisationChangeWaitingForTheDemoVetter()
    {
        // Arrange
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MembershipDemoData>().SeedAsync(TestContext.Current.CancellationToken);
        }

        using var vetter = await portal.SignedInClientAsync(MembershipTestKit.CountryVetterEmail);

        // Act
        var list = await vetter.GetDocumentAsync("/admin/vetting/profile-changes");
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == MembershipDemoData.MovingMemberEmail).Select(u => u.Organisation).SingleAsync());

        // Assert
        var row = list.QuerySelectorAll("[data-testid=profile-changes] tbody tr").ShouldHaveSingleItem();
        row.TextContent.ShouldContain("Jonas Schneider");
        row.TextContent.ShouldContain(MembershipDemoData.MovingMemberNewOrganisation);
        row.TextContent.ShouldContain(FlagKind.EmailDomainMismatch.Describe());
        stored.ShouldBe("Rheinbahn Logistik", "the directory keeps the previous organisation until a vetter confirms");
        (await portal.WithDbAsync(db => db.ProfileReviews.CountAsync(r => r.Status == ProfileReviewStatus.Pending))).ShouldBe(1);
    }
}
