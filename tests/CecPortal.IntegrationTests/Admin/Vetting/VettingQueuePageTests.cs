using System.Globalization;
using AngleSharp.Dom;
using CecPortal.IntegrationTests.Home;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Membership.Applications;
using CecPortal.Web.Features.Membership.ProfileChanges;
using CecPortal.Web.Features.Membership.Vetting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Admin.Vetting;

/// <summary>
/// The vetting queue's cost and its totals on the demo data: two database commands for a GET (layout included), and
/// totals read from the trigger-kept counts that always equal a count of the applications themselves.
/// </summary>
public sealed class VettingQueuePageTests(TodayPortalFixture portal) : IClassFixture<TodayPortalFixture>
{
    private static readonly string[] Vetters = [PortalFactory.CountryVetterEmail, PortalFactory.SectorVetterEmail, PortalFactory.AdminEmail];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_EachVetterAndAdmin_TwoDatabaseCommandsAndTheTotalsOfTheirScope()
    {
        // Arrange
        var expected = new Dictionary<string, (int Applications, int ProfileChanges)>();
        foreach (var vetter in Vetters)
        {
            expected[vetter] = await ExpectedTotalsAsync(vetter);
        }

        var commands = new Dictionary<string, IReadOnlyList<string>>();
        var shown = new Dictionary<string, (int Applications, int ProfileChanges, int Rows)>();
        foreach (var vetter in Vetters)
        {
            using var client = await portal.SignedInClientAsync(vetter);
            await client.GetDocumentAsync("/admin/vetting");
            var key = $"vetting-{vetter}-{Guid.NewGuid():N}";
            client.DefaultRequestHeaders.Add(RequestCommandCounter.Header, key);

            // Act
            var queue = await client.GetDocumentAsync("/admin/vetting");

            commands[vetter] = portal.Commands.CommandsOf(key);
            shown[vetter] = (Total(queue), Number(queue, "profile-changes-waiting"), queue.QuerySelectorAll("[data-testid=queue] tbody tr").Length);
        }

        // Assert
        // The filter choices with the vetter's scope, then the queue (rows, total, waiting profile changes) in one
        // statement. The once-a-minute activity write every page shares was spent by the first visit.
        foreach (var vetter in Vetters)
        {
            shown[vetter].ShouldBe((expected[vetter].Applications, expected[vetter].ProfileChanges, Math.Min(expected[vetter].Applications, 25)), vetter);
            commands[vetter].Count.ShouldBe(2, $"{vetter}:\n{string.Join("\n---\n", commands[vetter])}");
        }

        expected[PortalFactory.CountryVetterEmail].Applications.ShouldBeGreaterThan(0, "the demo gives the country vetter a queue");
        expected[PortalFactory.CountryVetterEmail].Applications.ShouldBeLessThan(expected[PortalFactory.AdminEmail].Applications, "the demo has applications outside the country vetter's scope");
    }

    [Fact]
    public async Task Counts_AfterInsertsAnApprovalAMoveOutOfScopeAndADeletion_EqualACountOfTheApplications()
    {
        // Arrange: three copies of open applications in the country vetter's scope (so that the other test's queue is
        // never emptied by this one), then one copy approved, one moved out of scope and one deleted
        using var client = await portal.SignedInClientAsync(PortalFactory.CountryVetterEmail);
        var before = Total(await client.GetDocumentAsync("/admin/vetting"));
        var countryVetter = await portal.UserIdAsync(PortalFactory.CountryVetterEmail);
        var countries = await portal.WithDbAsync(db => db.VetterCountries.Where(v => v.UserId == countryVetter).Select(v => v.CountryCode).ToListAsync(Token));
        var sectors = await portal.WithDbAsync(db => db.VetterSectors.Where(v => v.UserId == countryVetter).Select(v => v.SectorCode).ToListAsync(Token));
        var originals = await portal.WithDbAsync(db => db.MembershipApplications
            .Where(a => (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InReview || a.Status == ApplicationStatus.InformationRequested)
                && countries.Contains(a.CountryCode) && !sectors.Contains(a.SectorCode))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(3).ToArrayAsync(Token));
        originals.Length.ShouldBe(3, "the demo has three open applications in the country vetter's countries");
        var copies = originals.Select(_ => Guid.CreateVersion7()).ToArray();
        var outside = await portal.WithDbAsync(db => db.Countries.Where(c => !countries.Contains(c.Code)).Select(c => c.Code).FirstAsync(Token));

        // Act
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO membership_applications
            SELECT (jsonb_populate_record(NULL::membership_applications, to_jsonb(m) || jsonb_build_object('Id', c.copy))).*
            FROM membership_applications AS m JOIN unnest({originals}, {copies}) AS c(original, copy) ON m."Id" = c.original
            """,
            Token));
        var inserted = Total(await client.GetDocumentAsync("/admin/vetting"));
        await portal.WithDbAsync(async db =>
        {
            await db.MembershipApplications.Where(a => a.Id == copies[0]).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Approved), Token);
            await db.MembershipApplications.Where(a => a.Id == copies[1]).ExecuteUpdateAsync(s => s.SetProperty(a => a.CountryCode, outside), Token);
            return await db.MembershipApplications.Where(a => a.Id == copies[2]).ExecuteDeleteAsync(Token);
        });
        var after = Total(await client.GetDocumentAsync("/admin/vetting"));

        // Assert
        inserted.ShouldBe(before + 3);
        after.ShouldBe(before);
        after.ShouldBe((await ExpectedTotalsAsync(PortalFactory.CountryVetterEmail)).Applications);
        var (kept, counted) = await portal.WithDbAsync(async db => (await KeptCountsAsync(db), await CountedAsync(db)));
        kept.ShouldBe(counted);
    }

    /// <summary>The totals as a count over the applications and the profile changes themselves, in the vetter's scope.</summary>
    private async Task<(int Applications, int ProfileChanges)> ExpectedTotalsAsync(string vetter)
    {
        var id = await portal.UserIdAsync(vetter);
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var vettingScope = await scope.ServiceProvider.GetRequiredService<VettingScopes>().ForAsync(id, vetter == PortalFactory.AdminEmail, Token);
        var (countries, sectors) = (vettingScope.Countries.ToList(), vettingScope.Sectors.ToList());
        var applications = await scope.ServiceProvider.GetRequiredService<AppDbContext>().MembershipApplications.CountAsync(
            a => (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.InReview || a.Status == ApplicationStatus.InformationRequested)
                && (vettingScope.IsAdmin || countries.Contains(a.CountryCode) || sectors.Contains(a.SectorCode)),
            Token);
        var profileChanges = await scope.ServiceProvider.GetRequiredService<ProfileChangeReviews>().CountWaitingAsync(vettingScope, Token);
        return (applications, profileChanges);
    }

    private static async Task<string[]> KeptCountsAsync(AppDbContext db) =>
        [.. (await db.VettingQueueCounts.Where(c => c.Count != 0).Select(c => new { c.CountryCode, c.SectorCode, c.Status, c.Count }).ToListAsync(Token))
            .Select(c => $"{c.CountryCode}/{c.SectorCode}/{c.Status}: {c.Count}").Order(StringComparer.Ordinal)];

    private static async Task<string[]> CountedAsync(AppDbContext db) =>
        [.. (await db.MembershipApplications.Where(a => a.Status != ApplicationStatus.Unverified)
                .GroupBy(a => new { a.CountryCode, a.SectorCode, a.Status })
                .Select(g => new { g.Key.CountryCode, g.Key.SectorCode, g.Key.Status, Count = g.Count() })
                .ToListAsync(Token))
            .Select(c => $"{c.CountryCode}/{c.SectorCode}/{c.Status}: {c.Count}").Order(StringComparer.Ordinal)];

    private static int Total(IDocument queue) => Number(queue, "queue-total");

    private static int Number(IDocument page, string testId) =>
        int.Parse(page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
