using CecPortal.Testing;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.Checks;
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
}
