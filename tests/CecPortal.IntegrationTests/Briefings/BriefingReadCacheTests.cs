using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static CecPortal.IntegrationTests.Briefings.BriefingTestKit;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>
/// A published edition is kept in the instance's memory for a few seconds: a change written behind the portal's back
/// (as another instance would) is not seen until then, and a change saved through the portal is seen at once.
/// </summary>
public sealed class BriefingReadCacheTests(BriefingReadCacheTests.ShortCacheFixture portal) : IClassFixture<BriefingReadCacheTests.ShortCacheFixture>
{
    /// <summary>Two seconds instead of the default ten, so that the expiry test does not wait long.</summary>
    public static readonly TimeSpan ReadCacheDuration = TimeSpan.FromSeconds(2);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Edition_ChangedByAnotherInstance_IsServedFromMemoryUntilItExpires()
    {
        // Arrange
        var date = new DateOnly(2012, 4, 2);
        var briefing = await AddAsync(portal, date, "Read from the database");
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var first = await TitleAsync(client, date);

        // Act: another instance corrects the title; this one has no way to know.
        await WriteBehindThePortalAsync(briefing.Id, "Corrected elsewhere");
        var fromMemory = await TitleAsync(client, date);

        // Assert
        first.ShouldBe("Read from the database");
        fromMemory.ShouldBe("Read from the database");
        var expiresBy = DateTimeOffset.UtcNow + ReadCacheDuration + TimeSpan.FromSeconds(10);
        string current;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), Token);
            current = await TitleAsync(client, date);
        }
        while (current != "Corrected elsewhere" && DateTimeOffset.UtcNow < expiresBy);

        current.ShouldBe("Corrected elsewhere", "the copy in memory expires after Briefings:ReadCacheDuration");
    }

    [Fact]
    public async Task Edition_SavedThroughThePortal_IsShownAtOnce()
    {
        // Arrange
        var date = new DateOnly(2012, 4, 9);
        var briefing = await AddAsync(portal, date, "Before the editor's correction");
        var previous = date.AddDays(-3);
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        (await TitleAsync(client, date)).ShouldBe("Before the editor's correction");
        var navigationBefore = await client.GetDocumentAsync($"/briefings/{date.ToRouteValue()}");

        // Act: an editor corrects the published edition, and another edition appears before it.
        var stored = await portal.WithDbAsync(db => db.Briefings.Where(b => b.Id == briefing.Id).Select(b => new { b.Version }).SingleAsync(Token));
        var editorId = await portal.UserIdAsync(PortalFactory.EditorEmail);
        await portal.WithServiceAsync<BriefingEditor>(editor => editor.SaveAsync(
            briefing.Id, stored.Version, new BriefingDraft(date, "After the editor's correction", "A short briefing.", TlpLabel.Amber, []), BriefingStep.None, new Actor(editorId, PortalFactory.EditorEmail), Token));
        var corrected = await TitleAsync(client, date);
        await AddAsync(portal, previous, "The edition just before");
        var navigationAfter = await client.GetDocumentAsync($"/briefings/{date.ToRouteValue()}");

        // Assert
        corrected.ShouldBe("After the editor's correction");
        navigationBefore.QuerySelector("[data-testid=previous-edition]")?.GetAttribute("href").ShouldNotBe($"/briefings/{previous.ToRouteValue()}");
        navigationAfter.QuerySelector("[data-testid=previous-edition]").ShouldNotBeNull().GetAttribute("href").ShouldBe($"/briefings/{previous.ToRouteValue()}");
    }

    [Fact]
    public async Task Edition_NotReadableYet_IsNotRemembered()
    {
        // Arrange: a scheduled edition answers 404 ...
        var date = new DateOnly(2012, 4, 16);
        var briefing = await AddAsync(portal, date, "Scheduled for later", status: BriefingStatus.Scheduled);
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        using var before = await client.GetAsync(new Uri($"/briefings/{date.ToRouteValue()}", UriKind.Relative), Token);

        // Act: ... and is published by another instance's morning job.
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE briefings SET "Status" = {(int)BriefingStatus.Published} WHERE "Id" = {briefing.Id}""", Token));
        var after = await TitleAsync(client, date);

        // Assert
        before.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        after.ShouldBe("Scheduled for later");
    }

    private Task<int> WriteBehindThePortalAsync(Guid id, string title) =>
        portal.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE briefings SET "Title" = {title} WHERE "Id" = {id}""", Token));

    private static async Task<string> TitleAsync(HttpClient client, DateOnly date)
    {
        var page = await client.GetDocumentAsync($"/briefings/{date.ToRouteValue()}");
        return page.QuerySelector("[data-testid=briefing-title]").ShouldNotBeNull().TextContent;
    }

    public sealed class ShortCacheFixture : PortalFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Briefings:ReadCacheDuration"] = ReadCacheDuration.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>With <c>Briefings:ReadCacheDuration</c> at zero every page reads the database.</summary>
public sealed class BriefingReadCacheOffTests(BriefingReadCacheOffTests.NoCacheFixture portal) : IClassFixture<BriefingReadCacheOffTests.NoCacheFixture>
{
    [Fact]
    public async Task Edition_ChangedByAnotherInstance_IsShownAtOnce()
    {
        // Arrange
        var date = new DateOnly(2012, 5, 7);
        var briefing = await AddAsync(portal, date, "Read from the database");
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        var first = (await client.GetDocumentAsync($"/briefings/{date.ToRouteValue()}")).QuerySelector("[data-testid=briefing-title]")?.TextContent;

        // Act
        await portal.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE briefings SET "Title" = 'Corrected elsewhere' WHERE "Id" = {briefing.Id}""", TestContext.Current.CancellationToken));
        var second = (await client.GetDocumentAsync($"/briefings/{date.ToRouteValue()}")).QuerySelector("[data-testid=briefing-title]")?.TextContent;

        // Assert
        first.ShouldBe("Read from the database");
        second.ShouldBe("Corrected elsewhere");
    }

    public sealed class NoCacheFixture : PortalFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Briefings:ReadCacheDuration"] = "00:00:00" };
    }
}
