using CecPortal.IntegrationTests.Home;
using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Sharing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Performance;

/// <summary>
/// A demo portal (briefings, webinars, the sharing space) with every read cache off, as the benchmark's
/// <c>--no-cache</c> runs it, and every request's database commands counted: what a member page costs when its caches miss.
/// </summary>
public sealed class NoCachePortalFixture : PortalFixture
{
    public RequestCommandCounter Commands { get; } = new();

    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Demo:SeedBriefings"] = "true",
        ["Demo:SeedWebinars"] = "true",
        ["Demo:SeedSharing"] = "true",
        ["Briefings:ReadCacheDuration"] = "00:00:00",
        ["Privacy:CurrentVersionCacheDuration"] = "00:00:00",
        ["Privacy:AcceptanceCacheDuration"] = "00:00:00",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(Commands);
        services.AddSingleton<IStartupFilter>(Commands);
    }
}

/// <summary>
/// Issue 20: at most 3 database round trips for each member page with its read caches off, counted from the first
/// middleware on (authentication, the privacy-consent gate, the page, its layout and partials). The once-a-minute
/// activity write every page shares is spent by a first visit, as it is by a member's previous page.
/// </summary>
public sealed class MemberPageRoundTripTests(NoCachePortalFixture portal) : IClassFixture<NoCachePortalFixture>
{
    private const int MaxRoundTrips = 3;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public Task Get_Today_TakesAtMostThreeRoundTrips() => AssertRoundTripsAsync("/", "[data-testid=welcome-back]");

    [Fact]
    public async Task Get_Briefing_TakesAtMostThreeRoundTrips()
    {
        var latest = await portal.WithDbAsync(db => db.Briefings.AsNoTracking()
            .Where(b => b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent).MaxAsync(b => b.EditionDate, Token));
        await AssertRoundTripsAsync(BriefingDates.PathOf(latest), "[data-testid=briefing-title]");
    }

    [Fact]
    public Task Get_BriefingSearch_TakesAtMostThreeRoundTrips() => AssertRoundTripsAsync("/briefings/search?q=ransomware", "[data-testid=result]");

    [Fact]
    public Task Get_Webinars_TakesAtMostThreeRoundTrips() => AssertRoundTripsAsync("/webinars", "[data-testid=session]");

    [Fact]
    public Task Get_MemberDirectory_TakesAtMostThreeRoundTrips() => AssertRoundTripsAsync("/members", "[data-testid=directory] [data-testid=name]");

    [Fact]
    public Task Get_SharingChannel_TakesAtMostThreeRoundTrips() => AssertRoundTripsAsync($"/sharing/c/{SharingDemoData.OpenChannelSlug}", "[data-testid=topic]");

    [Fact]
    public async Task Get_SharingTopic_TakesAtMostThreeRoundTrips()
    {
        var topic = await portal.WithDbAsync(db => db.Topics.Where(t => t.Subject == SharingDemoData.VulnerabilitySubject).Select(t => t.Id).SingleAsync(Token));
        await AssertRoundTripsAsync($"/sharing/t/{topic}", "[data-testid=message]");
    }

    /// <summary>
    /// The demo member opens the page once (the activity write, and for a topic the read mark), then again counted; the
    /// page must show <paramref name="shows"/> (it is the real page, not a redirect or an error).
    /// </summary>
    private async Task AssertRoundTripsAsync(string path, string shows)
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);
        (await client.GetDocumentAsync(path)).QuerySelector(shows).ShouldNotBeNull(path);
        var key = $"{path}-{Guid.NewGuid():N}";
        client.DefaultRequestHeaders.Add(RequestCommandCounter.Header, key);

        // Act
        var page = await client.GetDocumentAsync(path);

        // Assert
        page.QuerySelector(shows).ShouldNotBeNull(path);
        var commands = portal.Commands.CommandsOf(key);
        commands.Count.ShouldBeGreaterThan(0, "the counter sees the request's commands (the consent check at least, with its cache off)");
        commands.Count.ShouldBeLessThanOrEqualTo(MaxRoundTrips, $"{path}:\n{string.Join("\n---\n", commands)}");
    }
}
