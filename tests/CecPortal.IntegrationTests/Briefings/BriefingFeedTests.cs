using System.Net;
using System.Xml.Linq;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static CecPortal.IntegrationTests.Briefings.BriefingTestKit;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>The members' Atom feed at <c>/briefings/feed/{token}</c>: the token is the only credential.</summary>
public sealed class BriefingFeedTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Get_ValidToken_ReturnsAtomWithReadableBriefingsAndNoRedContent()
    {
        // Arrange
        await AddAsync(portal, new DateOnly(2099, 2, 1), "Amber edition", "The *amber* body.", vulnerabilities: [Vulnerability("CVE-2099-0001", "Feedable Router")]);
        await AddAsync(portal, new DateOnly(2099, 2, 2), "Red edition", "RED-ONLY-SECRET content.", BriefingStatus.Published, TlpLabel.Red);
        await AddAsync(portal, new DateOnly(2099, 2, 3), "Draft edition", "Not yet.", BriefingStatus.Draft);
        var token = await NewTokenAsync(await portal.CreateUserAsync("feed.reader@demo.cec.example", "Feed Reader", Roles.Member));
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri($"/briefings/feed/{token}", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var feed = XDocument.Parse(body).Root!;

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        response.Headers.CacheControl!.Private.ShouldBeTrue();
        response.Headers.CacheControl.NoStore.ShouldBeTrue();
        response.Headers.GetValues("X-Robots-Tag").ShouldBe(["noindex"]);
        feed.Name.ShouldBe(Atom + "feed");
        var entries = feed.Elements(Atom + "entry").ToList();
        var titles = entries.Select(e => e.Element(Atom + "title")!.Value).ToList();
        titles.ShouldContain("Amber edition (2099-02-01)");
        titles.ShouldContain("Red edition (2099-02-02)");
        titles.ShouldNotContain("Draft edition (2099-02-03)");

        var amber = entries.Single(e => e.Element(Atom + "title")!.Value == "Amber edition (2099-02-01)");
        amber.Element(Atom + "content")!.Attribute("type")!.Value.ShouldBe("html");
        amber.Element(Atom + "content")!.Value.ShouldContain("<em>amber</em>");
        amber.Element(Atom + "content")!.Value.ShouldContain("Feedable Router");
        amber.Element(Atom + "link")!.Attribute("href")!.Value.ShouldBe("http://localhost:5080/briefings/2099-02-01");
        amber.Element(Atom + "category")!.Attribute("term")!.Value.ShouldBe("TLP:AMBER");

        var red = entries.Single(e => e.Element(Atom + "title")!.Value == "Red edition (2099-02-02)");
        red.Element(Atom + "content").ShouldBeNull();
        red.Element(Atom + "category")!.Attribute("term")!.Value.ShouldBe("TLP:RED");
        red.Element(Atom + "link")!.Attribute("href")!.Value.ShouldBe("http://localhost:5080/briefings/2099-02-02");
        body.ShouldNotContain("RED-ONLY-SECRET");
    }

    [Fact]
    public async Task Get_MoreThan30Briefings_ListsTheNewest30NewestFirst()
    {
        // Arrange
        for (var day = 0; day < 32; day++)
        {
            await AddAsync(portal, new DateOnly(2001, 1, 1).AddDays(day), $"Old edition {day:00}");
        }

        var expected = await portal.WithDbAsync(db => db.Briefings
            .Where(b => b.Status == BriefingStatus.Published || b.Status == BriefingStatus.Sent)
            .OrderByDescending(b => b.EditionDate)
            .Select(b => b.EditionDate)
            .Take(BriefingReader.FeedSize)
            .ToListAsync(TestContext.Current.CancellationToken));
        var token = await NewTokenAsync(await portal.CreateUserAsync("feed.many@demo.cec.example", "Feed Many", Roles.Member));
        using var client = portal.CreateClient();

        // Act
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri($"/briefings/feed/{token}", UriKind.Relative), TestContext.Current.CancellationToken)).Root!;

        // Assert
        var ids = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        ids.Count.ShouldBe(BriefingReader.FeedSize);
        ids.ShouldBe(expected.Select(d => $"http://localhost:5080/briefings/{d.ToRouteValue()}"));
    }

    [Theory]
    [InlineData("/briefings/feed/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/briefings/feed/not-a-token")]
    public async Task Get_UnknownOrMalformedToken_Answers404(string url)
    {
        // Arrange
        using var client = portal.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_ReplacedToken_Answers404WhileTheNewOneWorks()
    {
        // Arrange
        var userId = await portal.CreateUserAsync("feed.replace@demo.cec.example", "Feed Replace", Roles.Member);
        var old = await NewTokenAsync(userId);
        var replacement = await NewTokenAsync(userId);
        using var client = portal.CreateClient();

        // Act
        using var oldResponse = await client.GetAsync(new Uri($"/briefings/feed/{old}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var newResponse = await client.GetAsync(new Uri($"/briefings/feed/{replacement}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        oldResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        newResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_RevokedToken_Answers404()
    {
        // Arrange
        var userId = await portal.CreateUserAsync("feed.revoke@demo.cec.example", "Feed Revoke", Roles.Member);
        var token = await NewTokenAsync(userId);
        using var client = portal.CreateClient();
        using var before = await client.GetAsync(new Uri($"/briefings/feed/{token}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Act
        await portal.WithServiceAsync<BriefingSubscription>(s => s.RevokeFeedTokenAsync(userId));
        using var after = await client.GetAsync(new Uri($"/briefings/feed/{token}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.FeedTokenHash).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Get_TokenOfSuspendedMember_Answers404()
    {
        // Arrange
        var userId = await portal.CreateUserAsync("feed.suspended@demo.cec.example", "Feed Suspended", Roles.Member);
        var token = await NewTokenAsync(userId);
        using var client = portal.CreateClient();
        using var before = await client.GetAsync(new Uri($"/briefings/feed/{token}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Act
        await portal.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.Suspend("Membership fee unpaid.", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var after = await client.GetAsync(new Uri($"/briefings/feed/{token}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_TokenOfAccountThatLostItsRole_Answers404()
    {
        // Arrange
        var userId = await portal.CreateUserAsync("feed.former@demo.cec.example", "Feed Former", Roles.Member);
        var token = await NewTokenAsync(userId);

        // Act
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByIdAsync(userId);
            (await users.RemoveFromRoleAsync(user!, Roles.Member)).Succeeded.ShouldBeTrue();
        }

        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri($"/briefings/feed/{token}", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateToken_Always_StoresOnlyItsSha256()
    {
        // Arrange
        var userId = await portal.CreateUserAsync("feed.hash@demo.cec.example", "Feed Hash", Roles.Member);

        // Act
        var token = await NewTokenAsync(userId);
        var stored = await portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => new { u.FeedTokenHash, u.FeedTokenCreatedAt }).SingleAsync());

        // Assert
        stored.FeedTokenHash.ShouldBe(FeedToken.Hash(token));
        stored.FeedTokenHash.ShouldNotBe(token);
        stored.FeedTokenCreatedAt.ShouldNotBeNull();
    }

    private async Task<string> NewTokenAsync(string userId)
    {
        string? token = null;
        await portal.WithServiceAsync<BriefingSubscription>(async s => token = await s.ReplaceFeedTokenAsync(userId));
        return token.ShouldNotBeNull();
    }
}
