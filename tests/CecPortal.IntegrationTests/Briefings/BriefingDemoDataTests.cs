using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>A portal started with <c>Demo:SeedBriefings</c> on, as a newcomer's development portal is.</summary>
public sealed class DemoBriefingsPortalFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Demo:SeedBriefings"] = "true",
    };
}

public sealed class BriefingDemoDataTests(DemoBriefingsPortalFixture portal) : IClassFixture<DemoBriefingsPortalFixture>
{
    [Fact]
    public async Task Start_WithSeedBriefingsOn_SeedsReadableBriefingsTodayTomorrowAndADraft()
    {
        // Arrange
        var options = portal.Factory.Services.GetRequiredService<IOptions<BriefingOptions>>().Value;
        var today = options.Today(TimeProvider.System);
        var morning = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(new TimeOnly(7, 0)), options.ResolveTimeZone());

        // Act
        var briefings = await portal.WithDbAsync(db => db.Briefings.AsNoTracking().OrderBy(b => b.EditionDate).ToListAsync(TestContext.Current.CancellationToken));

        // Assert
        briefings.Count.ShouldBe(23);
        var past = briefings.Where(b => b.EditionDate < today).ToList();
        past.Select(b => b.EditionDate).ShouldBe(Enumerable.Range(1, 20).Select(days => today.AddDays(-days)).Reverse());
        past.ShouldAllBe(b => b.IsReadable);
        past.Where(b => b.Tlp != TlpLabel.Red).ShouldAllBe(b => b.Status == BriefingStatus.Sent);
        past.Single(b => b.Tlp == TlpLabel.Red).Status.ShouldBe(BriefingStatus.Published);
        past.Count(b => b.Tlp == TlpLabel.AmberStrict).ShouldBe(1);
        past.Count(b => b.Tlp == TlpLabel.Amber).ShouldBeGreaterThan(past.Count / 2);
        past.ShouldContain(b => b.Tlp == TlpLabel.Green);
        past.ShouldContain(b => b.Tlp == TlpLabel.Clear);
        past.ShouldAllBe(b => b.BodyHtml.Contains("<h2", StringComparison.Ordinal) && b.BodyHtml.Contains("<li>", StringComparison.Ordinal));
        past.ShouldContain(b => b.BodyHtml.Contains("<table", StringComparison.Ordinal));
        past.Count(b => b.Vulnerabilities.Count > 0).ShouldBeGreaterThan(10);

        var todays = briefings.Single(b => b.EditionDate == today);
        todays.Status.ShouldBe(DateTime.UtcNow >= morning ? BriefingStatus.Published : BriefingStatus.Scheduled);
        briefings.Single(b => b.EditionDate == today.AddDays(1)).Status.ShouldBe(BriefingStatus.Scheduled);
        briefings.Single(b => b.EditionDate == today.AddDays(2)).Status.ShouldBe(BriefingStatus.Draft);
    }

    [Fact]
    public async Task Start_WithSeedBriefingsOn_GivesEachSentEditionADeliveryHistory()
    {
        // Arrange
        var token = TestContext.Current.CancellationToken;
        var members = await portal.WithDbAsync(db => (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == CecPortal.Web.Data.Roles.Member && u.Email!.EndsWith("@demo.cec.example")
            select u.Id).CountAsync(token));

        // Act
        var ledger = await portal.WithDbAsync(db => (
            from b in db.Briefings
            where b.Status == BriefingStatus.Sent
            select new
            {
                b.EditionDate,
                Sent = db.BriefingDeliveries.Count(d => d.BriefingId == b.Id && d.Status == DeliveryStatus.Sent),
                Failed = db.BriefingDeliveries.Count(d => d.BriefingId == b.Id && d.Status == DeliveryStatus.Failed),
            }).ToListAsync(token));

        // Assert: every demo member got every sent edition, except one full mailbox over the last three mornings.
        ledger.Count.ShouldBe(19);
        ledger.ShouldAllBe(l => l.Sent + l.Failed == members);
        ledger.Count(l => l.Failed == 1).ShouldBeInRange(2, 3);
        ledger.Sum(l => l.Failed).ShouldBe(ledger.Count(l => l.Failed == 1));
    }

    [Fact]
    public async Task Seed_Again_AddsNothing()
    {
        // Arrange
        var before = await portal.WithDbAsync(db => db.Briefings.CountAsync(TestContext.Current.CancellationToken));

        // Act
        await portal.WithServiceAsync<BriefingDemoData>(demo => demo.SeedAsync(TestContext.Current.CancellationToken));
        var after = await portal.WithDbAsync(db => db.Briefings.CountAsync(TestContext.Current.CancellationToken));

        // Assert
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Get_BriefingsAsMember_ShowsTheDemoArchiveAndFindsDemoWords()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var page = await client.GetDocumentAsync("/briefings");
        var search = await client.GetDocumentAsync("/briefings/search?q=hypervisor");

        // Assert
        page.QuerySelectorAll("[data-testid=archive-entry]").Length.ShouldBe(BriefingReader.ArchivePageSize);
        page.QuerySelector("[data-testid=pager]").ShouldNotBeNull();
        search.QuerySelectorAll("[data-testid=result-title]").Select(a => a.TextContent).ShouldContain("Hypervisor escape under active exploitation");
    }
}
