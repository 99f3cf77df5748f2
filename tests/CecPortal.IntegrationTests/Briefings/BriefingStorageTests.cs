using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>The briefing tables as PostgreSQL stores them: jsonb entries, the generated search vector, unique keys.</summary>
public sealed class BriefingStorageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Save_BriefingWithVulnerabilities_RoundTripsEntriesAndIndexesThemForSearch()
    {
        // Arrange
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        var entry = new VulnerabilityEntry { CveId = "CVE-2026-1234", Product = "Exchangeable Mail Server", Severity = VulnerabilitySeverity.Critical, Summary = "Pre-auth remote code execution", Link = "https://example.org/advisory" };
        var briefing = Briefing.Create(new DateOnly(2026, 11, 20), Content("Ransomware wave in logistics", "Shipping firms report **intrusions**.", [entry]), editorId, Now);

        // Act
        await portal.WithDbAsync(async db =>
        {
            db.Briefings.Add(briefing);
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var loaded = await portal.WithDbAsync(db => db.Briefings.AsNoTracking().SingleAsync(b => b.Id == briefing.Id, TestContext.Current.CancellationToken));
        var byProduct = await portal.WithDbAsync(db => db.Briefings.Where(b => b.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", "exchangeable"))).Select(b => b.Id).ToListAsync(TestContext.Current.CancellationToken));
        var byBody = await portal.WithDbAsync(db => db.Briefings.Where(b => b.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", "intrusion shipping"))).Select(b => b.Id).ToListAsync(TestContext.Current.CancellationToken));
        var byOther = await portal.WithDbAsync(db => db.Briefings.Where(b => b.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", "phishing"))).Select(b => b.Id).ToListAsync(TestContext.Current.CancellationToken));

        // Assert
        loaded.Vulnerabilities.ShouldBe([entry]);
        loaded.Revision.ShouldBe(1);
        loaded.Tlp.ShouldBe(TlpLabel.Amber);
        byProduct.ShouldContain(briefing.Id);
        byBody.ShouldContain(briefing.Id);
        byOther.ShouldNotContain(briefing.Id);
    }

    [Fact]
    public async Task Save_SecondBriefingForTheSameDate_IsRefusedByTheDatabase()
    {
        // Arrange
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        var date = new DateOnly(2026, 11, 21);
        await portal.WithDbAsync(async db =>
        {
            db.Briefings.Add(Briefing.Create(date, Content("First", "Body", []), editorId, Now));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        // Act
        var save = portal.WithDbAsync(async db =>
        {
            db.Briefings.Add(Briefing.Create(date, Content("Second", "Body", []), editorId, Now));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        // Assert
        var error = await save.ShouldThrowAsync<DbUpdateException>();
        error.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public async Task InsertLedgerRow_Twice_KeepsOneRowPerBriefingAndMember()
    {
        // Arrange
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        var memberId = await portal.UserIdAsync(PortalFactory.MemberEmail);
        var briefing = Briefing.Create(new DateOnly(2026, 11, 22), Content("Ledger", "Body", []), editorId, Now);
        await portal.WithDbAsync(async db =>
        {
            db.Briefings.Add(briefing);
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        // Act
        var inserted = new List<int>();
        for (var run = 0; run < 2; run++)
        {
            inserted.Add(await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"""INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "CreatedAt") VALUES ({briefing.Id}, {memberId}, 0, 0, {Now}) ON CONFLICT ("BriefingId", "MemberId") DO NOTHING""",
                TestContext.Current.CancellationToken)));
        }

        var rows = await portal.WithDbAsync(db => db.BriefingDeliveries.CountAsync(d => d.BriefingId == briefing.Id, TestContext.Current.CancellationToken));

        // Assert
        inserted.ShouldBe([1, 0]);
        rows.ShouldBe(1);
    }

    private static BriefingContent Content(string title, string markdown, IReadOnlyList<VulnerabilityEntry> entries) =>
        new(title, markdown, $"<p>{markdown}</p>", TlpRules.Default, entries);
}
