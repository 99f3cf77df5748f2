using CecPortal.BrowserTests.Pages;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Web;
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
        await using var readerContext = await portal.NewContextAsync(await portal.StorageStateAsync("live.reader@browser.example"));
        await using var authorContext = await portal.NewContextAsync(await portal.StorageStateAsync("live.author@browser.example"));
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
            // Read out politely: the message arrives inside the polite log, with its author.
            await Expect(reader.MessageLog).ToHaveAttributeAsync("aria-live", "polite");
            await Expect(reader.MessageLog.GetByTestId("message").Last.GetByTestId("author")).ToHaveTextAsync("Live Author");
            (await reader.DocumentMarkAsync()).ShouldBe("yes");
            await Screenshots.SaveAsync(readerPage, "sharing-live-reply");
            BrowserPortal.ShouldHaveCleanConsole(readerContext);
            BrowserPortal.ShouldHaveCleanConsole(authorContext);
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
        await using var watcherContext = await portal.NewContextAsync(await portal.StorageStateAsync("live.watcher@browser.example"));
        await using var starterContext = await portal.NewContextAsync(await portal.StorageStateAsync("live.starter@browser.example"));
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
            BrowserPortal.ShouldHaveCleanConsole(watcherContext);
            BrowserPortal.ShouldHaveCleanConsole(starterContext);
        }
        catch
        {
            await Screenshots.TrySaveAsync(watcherPage, nameof(StartTopic_InOneBrowser_AppearsUnreadOnTheOthersChannelPage));
            throw;
        }
    }

    [Fact]
    public async Task Reply_InATopicTheOtherHasRead_CountedUnreadOnTheirChannelPageAndHomeWithoutFetchingEither()
    {
        // Arrange: a group of two (so no other test's messages count here); the watcher has read the topic, then keeps
        // the group's channel page and the sharing home open.
        var author = await CreateMemberAsync("live.counter.author@browser.example");
        var watcherId = await CreateMemberAsync("live.counter.watcher@browser.example");
        var group = await WorkingGroupAsync("live-counter", author, watcherId);
        var posted = await PostAsync(author, group, "Ransom note wording", "Seen this wording before?");
        await using var context = await portal.NewContextAsync(await portal.StorageStateAsync("live.counter.watcher@browser.example"));
        var channelPage = await context.NewPageAsync();
        var homePage = await context.NewPageAsync();
        var channel = new SharingPages(channelPage);
        var home = new SharingPages(homePage);
        try
        {
            await channel.OpenTopicAsync(posted.TopicId);
            await channel.OpenChannelAsync("live-counter");
            await home.OpenHomeAsync();
            var topic = channel.Topics.Filter(new() { HasText = "Ransom note wording" });
            await Expect(topic.GetByTestId("topic-unread")).ToHaveCountAsync(0);
            await Expect(home.Channel("live-counter").GetByTestId("channel-unread")).ToHaveCountAsync(0);
            var pageFetches = 0;
            channelPage.Request += (_, request) => pageFetches += request.Url.Contains("/sharing/c/", StringComparison.Ordinal) ? 1 : 0;
            homePage.Request += (_, request) => pageFetches += new Uri(request.Url).AbsolutePath == "/sharing" ? 1 : 0;

            // Act
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<MessageWriter>().ReplyAsync(author, posted.TopicId, "Yes, same wording here.", TlpLabel.Amber, CancellationToken.None);
            }

            // Assert: counted in place on both pages, the topic's activity line says two messages, and neither page was fetched again.
            await Expect(topic.GetByTestId("topic-unread")).ToHaveTextAsync("1");
            await Expect(topic.GetByTestId("topic-activity")).ToContainTextAsync("2 messages");
            await Expect(home.Channel("live-counter").GetByTestId("channel-unread")).ToHaveTextAsync("1");
            await Expect(channel.LiveStatus).ToHaveTextAsync("New message in Ransom note wording.");
            await Expect(channel.LiveStatus).ToHaveAttributeAsync("aria-live", "polite");
            pageFetches.ShouldBe(0);
            BrowserPortal.ShouldHaveCleanConsole(context);
        }
        catch
        {
            await Screenshots.TrySaveAsync(channelPage, nameof(Reply_InATopicTheOtherHasRead_CountedUnreadOnTheirChannelPageAndHomeWithoutFetchingEither));
            throw;
        }
    }

    [Fact]
    public async Task WorkingGroup_SeenByAMemberOutsideIt_NotFoundAndNothingPushed()
    {
        // Arrange: an outsider whose sharing home follows every channel they may read, by push.
        var insider = await CreateMemberAsync("live.insider@browser.example");
        await CreateMemberAsync("live.outsider@browser.example");
        var group = await WorkingGroupAsync("live-incident-cell", insider);
        await using var context = await portal.NewContextAsync(await portal.StorageStateAsync("live.outsider@browser.example"));
        await context.AddInitScriptAsync("""
            (() => {
                const Native = window.EventSource;
                window.liveMessages = [];
                window.EventSource = function (url, options) {
                    const source = new Native(url, options);
                    source.addEventListener("message", e => window.liveMessages.push(JSON.parse(e.data).message));
                    return source;
                };
                window.EventSource.prototype = Native.prototype;
            })();
            """);
        var page = await context.NewPageAsync();
        try
        {
            var groupPage = await page.GotoAsync(new Uri(portal.BaseAddress, "/sharing/c/live-incident-cell").ToString());
            await page.GotoAsync(new Uri(portal.BaseAddress, "/sharing").ToString());
            await page.WaitForFunctionAsync("() => window.liveMessages !== undefined");

            // Act: a post in the group, then one in the community channel, which the outsider does read.
            var secret = await PostAsync(insider, group, "Containment plan", "Only for the cell.");
            var open = await PostAsync(insider, await ChannelIdAsync("community"), "For everyone", "Patch now.");
            var topicPage = await page.Context.NewPageAsync();
            var secretTopic = await topicPage.GotoAsync(new Uri(portal.BaseAddress, $"/sharing/t/{secret.TopicId}").ToString());

            // Assert
            groupPage!.Status.ShouldBe(404);
            secretTopic!.Status.ShouldBe(404);
            await page.WaitForFunctionAsync($"() => window.liveMessages.includes('{open.MessageId}')");
            (await page.EvaluateAsync<string[]>("() => window.liveMessages")).ShouldNotContain(secret.MessageId.ToString());
            await Expect(page.GetByText("live-incident-cell")).ToHaveCountAsync(0);
            BrowserPortal.ShouldHaveCleanConsole(context);
        }
        catch
        {
            await Screenshots.TrySaveAsync(page, nameof(WorkingGroup_SeenByAMemberOutsideIt_NotFoundAndNothingPushed));
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

    private async Task<Guid> ChannelIdAsync(string slug)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Channels.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
    }

    /// <summary>A working group made as staff would, with <paramref name="members"/> in it.</summary>
    private async Task<Guid> WorkingGroupAsync(string slug, params string[] members)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var staff = new Actor(await db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync(), PortalFactory.AdminEmail);
        var channel = Channel.Create(ChannelKind.WorkingGroup, slug, "Group " + slug, "A test group.", TlpLabel.Amber, staff, now);
        db.Channels.Add(channel);
        db.ChannelSubscriptions.AddRange(members.Select(m => ChannelSubscription.Add(channel.Id, m, SubscriptionRole.Member, staff, now)));
        await db.SaveChangesAsync();
        return channel.Id;
    }

    private async Task<PostedMessage> PostAsync(string authorId, Guid channelId, string subject, string body)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MessageWriter>().StartTopicAsync(authorId, channelId, subject, body, TlpLabel.Amber, CancellationToken.None);
    }
}
