using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Sharing;

/// <summary>Two members in two browsers: what one posts appears on the other's page without a reload.</summary>
public sealed class LiveSharingTests(BrowserPortal portal)
{
    [Fact]
    public async Task Reply_PostedInOneBrowser_AppearsInTheOtherWithoutReloading()
    {
        // Arrange
        var author = await CreateMemberAsync("live.author@browser.example");
        await CreateMemberAsync("live.reader@browser.example");
        var topicId = await StartTopicAsync(author, "Exploited VPN appliance", "Anyone else seeing this?");
        await using var readerContext = await portal.Browser.NewContextAsync(portal.ContextOptions(await portal.StorageStateAsync("live.reader@browser.example")));
        await using var authorContext = await portal.Browser.NewContextAsync(portal.ContextOptions(await portal.StorageStateAsync("live.author@browser.example")));
        var readerPage = await readerContext.NewPageAsync();
        var authorPage = await authorContext.NewPageAsync();
        var reader = new SharingPages(readerPage);
        var writer = new SharingPages(authorPage);
        try
        {
            await reader.OpenTopicAsync(topicId);
            await reader.MarkDocumentAsync();
            await writer.OpenTopicAsync(topicId);

            // Act
            await writer.ReplyAsync("Yes: indicators in the **vendor advisory**.");

            // Assert
            await Expect(reader.Messages).ToHaveCountAsync(2);
            await Expect(reader.Messages.Last.GetByTestId("body")).ToHaveTextAsync("Yes: indicators in the vendor advisory.");
            await Expect(reader.LiveStatus).ToHaveTextAsync("New message from Live Author.");
            (await reader.DocumentMarkAsync()).ShouldBe("yes");
            await Screenshots.SaveAsync(readerPage, "sharing-live-reply");
        }
        catch
        {
            await Screenshots.TrySaveAsync(readerPage, nameof(Reply_PostedInOneBrowser_AppearsInTheOtherWithoutReloading));
            throw;
        }
    }

    [Fact]
    public async Task StartTopic_InOneBrowser_AppearsUnreadOnTheOthersChannelPage()
    {
        // Arrange
        await CreateMemberAsync("live.starter@browser.example");
        await CreateMemberAsync("live.watcher@browser.example");
        await using var watcherContext = await portal.Browser.NewContextAsync(portal.ContextOptions(await portal.StorageStateAsync("live.watcher@browser.example")));
        await using var starterContext = await portal.Browser.NewContextAsync(portal.ContextOptions(await portal.StorageStateAsync("live.starter@browser.example")));
        var watcherPage = await watcherContext.NewPageAsync();
        var watcher = new SharingPages(watcherPage);
        var starter = new SharingPages(await starterContext.NewPageAsync());
        try
        {
            await watcher.OpenChannelAsync("community");
            await watcher.MarkDocumentAsync();
            await starter.OpenChannelAsync("community");

            // Act
            await starter.StartTopicAsync("Hospital incident, NIS2 report", "Who reported within 24 hours?");

            // Assert
            var topic = watcher.Topics.Filter(new() { HasText = "Hospital incident, NIS2 report" });
            await Expect(topic.GetByTestId("topic-unread")).ToHaveTextAsync("1");
            (await watcher.DocumentMarkAsync()).ShouldBe("yes");
        }
        catch
        {
            await Screenshots.TrySaveAsync(watcherPage, nameof(StartTopic_InOneBrowser_AppearsUnreadOnTheOthersChannelPage));
            throw;
        }
    }

    private async Task<string> CreateMemberAsync(string email)
    {
        var name = string.Join(' ', email.Split('@')[0].Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return await TestUsers.CreateAsync(portal.Services, new TestUser(email, name, Roles.Member)
        {
            CountryCode = "FR",
            SectorCode = "energy",
            Password = PortalFactory.DemoPassword,
        });
    }

    private async Task<Guid> StartTopicAsync(string authorId, string subject, string body)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var community = await db.Channels.Where(c => c.Slug == "community").Select(c => c.Id).SingleAsync();
        var posted = await scope.ServiceProvider.GetRequiredService<MessageWriter>().StartTopicAsync(authorId, community, subject, body, TlpLabel.Amber, CancellationToken.None);
        return posted.TopicId;
    }
}
