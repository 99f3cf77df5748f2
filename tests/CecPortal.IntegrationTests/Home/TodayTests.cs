using AngleSharp.Html.Dom;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Admin.Vetting;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Membership;
using CecPortal.Web.Features.Membership.Attestation;
using CecPortal.Web.Features.Membership.Vetting;
using CecPortal.Web.Features.PersonalData;
using CecPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Home;

/// <summary>
/// A newcomer's development portal (every demo seed on: briefings, webinars, consultations, the sharing space,
/// applications and members due to confirm), with every request's database commands counted.
/// </summary>
public sealed class TodayPortalFixture : PortalFixture, IAsyncLifetime
{
    public RequestCommandCounter Commands { get; } = new();

    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["Demo:SeedBriefings"] = "true",
        ["Demo:SeedWebinars"] = "true",
        ["Demo:SeedConsultations"] = "true",
        ["Demo:SeedSharing"] = "true",
        ["Demo:SeedAttestations"] = "true",
    };

    /// <summary>The demo applications are seeded only into an empty database; the test template already has the accounts.</summary>
    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await WithServiceAsync<MembershipDemoData>(demo => demo.SeedAsync(CancellationToken.None));
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(Commands);
        services.AddSingleton<IStartupFilter>(Commands);
    }
}

/// <summary>The signed-in home, "what needs me today", on the demo data.</summary>
public sealed class TodayTests(TodayPortalFixture portal) : IClassFixture<TodayPortalFixture>
{
    /// <summary>The issue's budget for a member's home, layout included.</summary>
    private const int MaxRoundTrips = 3;

    private static readonly string[] BlockOrder =
        ["pinned-alerts", "today-briefing", "today-sharing", "today-webinars", "home-consultations", "today-account",
         "today-vetting", "today-editorial", "today-moderation", "today-policy", "today-admin"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_DemoMember_ShowsAtLeastFourBlocksInOrderEachWithAHeadingAndALink()
    {
        // Arrange
        using var client = await portal.SignedInClientAsync(PortalFactory.MemberEmail);

        // Act
        var home = await client.GetDocumentAsync("/");

        // Assert
        home.QuerySelector("h1")!.TextContent.ShouldBe("Today");
        home.QuerySelector("[data-testid=welcome-back]").ShouldNotBeNull();
        var blocks = Blocks(home);
        blocks.Count.ShouldBeGreaterThanOrEqualTo(4, string.Join(", ", blocks));
        blocks.ShouldBe([.. BlockOrder.Where(blocks.Contains)], "blocks keep the issue's order");
        foreach (var block in home.QuerySelectorAll("main section[data-testid]"))
        {
            block.QuerySelector("h2").ShouldNotBeNull(block.GetAttribute("data-testid"));
            block.QuerySelector("a[href]").ShouldNotBeNull(block.GetAttribute("data-testid"));
        }

        blocks.ShouldNotContain("today-vetting");
        blocks.ShouldNotContain("today-editorial");
        home.QuerySelector(".hero").ShouldBeNull("the marketing page is for visitors");
    }

    [Fact]
    public async Task Get_MemberAndEveryStaffRole_TakesAtMostThreeDatabaseRoundTrips()
    {
        // Arrange
        string[] people =
        [
            PortalFactory.MemberEmail, AttestationDemoData.DueEmail, PortalFactory.CountryVetterEmail, PortalFactory.SectorVetterEmail, PortalFactory.EditorEmail,
            PortalFactory.ModeratorEmail, PortalFactory.PolicyEmail, PortalFactory.AdminEmail,
        ];
        var counts = new Dictionary<string, IReadOnlyList<string>>();

        foreach (var person in people)
        {
            using var client = await portal.SignedInClientAsync(person);
            await client.GetDocumentAsync("/");
            var key = $"home-{person}-{Guid.NewGuid():N}";
            client.DefaultRequestHeaders.Add(RequestCommandCounter.Header, key);

            // Act
            var home = await client.GetDocumentAsync("/");

            home.QuerySelector("h1")!.TextContent.ShouldBe("Today", person);
            if (person == AttestationDemoData.DueEmail)
            {
                var organisation = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == person).Select(u => u.Organisation).SingleAsync());
                organisation.ShouldNotBeNullOrEmpty();
                home.QuerySelector("[data-testid=today-account] [data-testid=attestation-banner-confirm]")!.TextContent
                    .ShouldContain(organisation, Case.Sensitive, "the banner names the organisation the page read with the channels");
            }

            counts[person] = portal.Commands.CommandsOf(key);
        }

        // Assert
        // Two for the page: the person's channels and organisation, then everything else by those channels (the banner of
        // a member due to confirm names the organisation read in the first). The once-a-minute activity write every page
        // shares (SharingActivityFilter) was spent by the first visit, and is the third at worst.
        foreach (var (person, commands) in counts)
        {
            commands.Count.ShouldBe(2, $"{person}:\n{string.Join("\n---\n", commands)}");
            commands.Count.ShouldBeLessThan(MaxRoundTrips);
        }
    }

    [Fact]
    public async Task Get_Vetters_CountTheQueueInTheirOwnScopeAsTheVettingPageDoes()
    {
        // Arrange
        var vetters = new[] { PortalFactory.CountryVetterEmail, PortalFactory.SectorVetterEmail, PortalFactory.AdminEmail };
        var expected = new Dictionary<string, int>();
        foreach (var vetter in vetters)
        {
            var id = await portal.UserIdAsync(vetter);
            await using var scope = portal.Factory.Services.CreateAsyncScope();
            var scopeOfVetter = await scope.ServiceProvider.GetRequiredService<VettingScopes>().ForAsync(id, vetter == PortalFactory.AdminEmail, Token);
            var page = await scope.ServiceProvider.GetRequiredService<VettingQueue>().QueryAsync(scopeOfVetter, new QueueFilter(null, null, null, null), 1, Token);
            expected[vetter] = page.Total;
        }

        // Act
        var shown = new Dictionary<string, int?>();
        foreach (var vetter in vetters)
        {
            using var client = await portal.SignedInClientAsync(vetter);
            var home = await client.GetDocumentAsync("/");
            shown[vetter] = home.QuerySelector("[data-testid=today-vetting-applications]") is { } count ? int.Parse(count.TextContent, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        // Assert
        expected[PortalFactory.CountryVetterEmail].ShouldBeGreaterThan(0, "the demo gives the country vetter a queue");
        expected[PortalFactory.CountryVetterEmail].ShouldBeLessThan(expected[PortalFactory.AdminEmail], "the demo has applications outside the country vetter's scope");
        foreach (var vetter in vetters)
        {
            shown[vetter].ShouldBe(expected[vetter] > 0 ? expected[vetter] : null, vetter);
        }
    }

    [Fact]
    public async Task OpenEdition_OlderThenLatest_TheHomeFlipsFromUnreadToReadOnlyForTheLatest()
    {
        // Arrange
        var email = $"reader-{Guid.NewGuid():N}@members.example";
        await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, "Rhea Reader", Roles.Member)
        {
            CountryCode = "FR",
            SectorCode = "energy",
            Password = PortalFactory.DemoPassword,
        });
        var dates = await portal.WithDbAsync(db => db.Briefings.AsNoTracking()
            .Where(b => b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent)
            .OrderByDescending(b => b.EditionDate).Select(b => b.EditionDate).Take(2).ToListAsync(Token));
        using var client = await portal.SignedInClientAsync(email);

        // Act
        var before = State(await client.GetDocumentAsync("/"));
        await client.GetDocumentAsync(BriefingDates.PathOf(dates[1]));
        var afterOlder = State(await client.GetDocumentAsync("/"));
        await client.GetDocumentAsync(BriefingDates.PathOf(dates[0]));
        var afterLatest = State(await client.GetDocumentAsync("/"));

        // Assert
        before.ShouldBe("unread");
        afterOlder.ShouldBe("unread", "an older edition says nothing about the newest");
        afterLatest.ShouldBe("read");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.BriefingLastReadOn).SingleAsync(Token))).ShouldBe(dates[0]);
    }

    [Fact]
    public async Task ExportAndErase_MemberWhoReadTheLatestBriefing_ExportsTheDateAndErasureClearsIt()
    {
        // Arrange
        var email = $"exporter-{Guid.NewGuid():N}@members.example";
        var id = await TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, "Erik Export", Roles.Member) { CountryCode = "DE", SectorCode = "energy" });
        var latest = await portal.WithDbAsync(db => db.Briefings.AsNoTracking()
            .Where(b => b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent).MaxAsync(b => b.EditionDate, Token));
        await portal.WithServiceAsync<BriefingReads>(reads => reads.MarkReadAsync(id, latest, Token));
        var adminId = await portal.UserIdAsync(PortalFactory.AdminEmail);

        // Act
        PersonalDataDocument? document = null;
        await portal.WithServiceAsync<PersonalDataExport>(async export => document = await export.BuildAsync(id, Token));
        await portal.WithServiceAsync<AccountErasure>(erasure => erasure.EraseByAdminAsync(id, "On request.", forCause: false, new Actor(adminId, PortalFactory.AdminEmail), Token));

        // Assert
        document!.LastBriefingOpened.ShouldBe(latest);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.BriefingLastReadOn).SingleAsync(Token))).ShouldBeNull();
    }

    private static List<string> Blocks(IHtmlDocument home) =>
        [.. home.QuerySelectorAll("main section[data-testid]").Select(s => s.GetAttribute("data-testid")!)];

    private static string? State(IHtmlDocument home) => home.QuerySelector("[data-testid=today-briefing]")?.GetAttribute("data-read");
}
