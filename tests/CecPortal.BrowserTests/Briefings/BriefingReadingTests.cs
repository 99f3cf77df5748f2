using System.Text.RegularExpressions;
using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Infrastructure.Markdown;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Briefings;

/// <summary>A member reads a briefing in the browser and finds it again by searching for a word.</summary>
public sealed partial class BriefingReadingTests(BrowserPortal portal)
{
    private const string Title = "Satellite jamming over the Baltic";

    [Fact]
    public Task ReadAndSearch_SignedInMember_ReadsTheBriefingWithItsBannerAndFindsItHighlighted() => portal.RunAsync(
        async page =>
        {
            // Arrange: a far-future date keeps this edition at the top of the archive, whatever other tests add.
            var date = await AddBriefingAsync();
            var briefings = new BriefingsPage(page);
            await briefings.GotoAsync();

            // Act
            await briefings.OpenFromArchiveAsync(Title);

            // Assert: the stable address, and the TLP label above everything else of the briefing.
            await Expect(page).ToHaveURLAsync(new Regex($"/briefings/{date.ToRouteValue()}$"));
            await Expect(briefings.TlpBanner).ToBeVisibleAsync();
            await Expect(briefings.TlpBanner).ToContainTextAsync("TLP:AMBER+STRICT");
            await Expect(briefings.Title).ToHaveTextAsync(Title);
            await Expect(briefings.Body).ToContainTextAsync("glimmerstone");
            var banner = (await briefings.TlpBanner.BoundingBoxAsync())!;
            var title = (await briefings.Title.BoundingBoxAsync())!;
            banner.Y.ShouldBeLessThan(title.Y);
            (banner.Y + banner.Height).ShouldBeLessThan(page.ViewportSize!.Height);
            await Screenshots.SaveAsync(page, "briefing-edition");

            // Act: back to the briefings, and search for a word of the body.
            await briefings.GotoAsync();
            await briefings.SearchAsync("glimmerstone");

            // Assert
            await Expect(page).ToHaveURLAsync(SearchUrl());
            var result = briefings.Result(Title);
            await Expect(result).ToBeVisibleAsync();
            await Expect(briefings.Highlights(result)).ToHaveTextAsync(["glimmerstone"]);
            await Expect(briefings.SearchBox).ToHaveValueAsync("glimmerstone");
            await Screenshots.SaveAsync(page, "briefing-search");
        },
        signedInAs: PortalFactory.MemberEmail);

    private async Task<DateOnly> AddBriefingAsync()
    {
        const string markdown = """
            Two members in the space sector saw **GNSS jamming** near their ground stations this week.

            ## What happened

            Receivers lost their fix for up to forty minutes. The pattern matches the glimmerstone interference reported in the spring.

            - Check the logs of your timing receivers.
            - Report anomalies to your national CSIRT.
            """;
        var renderer = new MarkdownRenderer();
        return await portal.WithDbAsync(async db =>
        {
            var editorId = await db.Users.Where(u => u.Email == PortalFactory.EditorEmail).Select(u => u.Id).SingleAsync();
            var date = new DateOnly(2097, 7, 14);
            while (await db.Briefings.AnyAsync(b => b.EditionDate == date))
            {
                date = date.AddDays(1);
            }

            var now = DateTimeOffset.UtcNow;
            var briefing = Briefing.Create(date, new BriefingContent(Title, markdown, renderer.Render(markdown), TlpLabel.AmberStrict, []), editorId, now);
            briefing.Publish(now);
            db.Briefings.Add(briefing);
            await db.SaveChangesAsync();
            return date;
        });
    }

    [GeneratedRegex(@"/briefings/search\?q=glimmerstone")]
    private static partial Regex SearchUrl();
}
