using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.IntegrationTests.Sharing;

/// <summary>Arranging the sharing space for a test: members, working groups and messages, through the portal's own classes.</summary>
internal static class SharingArrange
{
    /// <summary>A member who can sign in (the demo password), in <paramref name="country"/> and <paramref name="sector"/>.</summary>
    public static Task<string> MemberAsync(this PortalFixture portal, string email, string country = "FR", string sector = "energy") =>
        TestUsers.CreateAsync(portal.Factory.Services, new TestUser(email, NameOf(email), Roles.Member)
        {
            CountryCode = country,
            SectorCode = sector,
            Password = PortalFactory.DemoPassword,
        });

    public static string NameOf(string email) => string.Join(' ', email.Split('@')[0].Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    public static Task<Channel> ChannelAsync(this PortalFixture portal, string slug) =>
        portal.WithDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Slug == slug));

    /// <summary>A working group (or open channel) made as staff would, with <paramref name="members"/> added to it.</summary>
    public static Task<Guid> GroupAsync(this PortalFixture portal, string slug, ChannelKind kind, TlpLabel defaultTlp, params string[] members) =>
        portal.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var staff = new Actor(await db.Users.Where(u => u.Email == PortalFactory.AdminEmail).Select(u => u.Id).SingleAsync(), PortalFactory.AdminEmail);
            var channel = Channel.Create(kind, slug, "Group " + slug, "A test group.", defaultTlp, staff, now);
            db.Channels.Add(channel);
            db.ChannelSubscriptions.AddRange(members.Select(m => ChannelSubscription.Add(channel.Id, m, SubscriptionRole.Member, staff, now)));
            await db.SaveChangesAsync();
            return channel.Id;
        });

    /// <summary>Starts a topic as <paramref name="userId"/> through the writer, as the page does.</summary>
    public static async Task<PostedMessage> StartTopicAsync(this PortalFixture portal, string userId, Guid channelId, string subject, string body, TlpLabel? tlp = null)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var label = tlp ?? await db.Channels.Where(c => c.Id == channelId).Select(c => c.DefaultTlp).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<MessageWriter>().StartTopicAsync(userId, channelId, subject, body, label, CancellationToken.None);
    }

    public static async Task<PostedMessage> ReplyAsync(this PortalFixture portal, string userId, Guid topicId, string body, TlpLabel tlp = TlpLabel.Amber)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MessageWriter>().ReplyAsync(userId, topicId, body, tlp, CancellationToken.None);
    }

    /// <summary>The slugs of the channels <paramref name="userId"/> may read, by the one access rule.</summary>
    public static async Task<IReadOnlyList<string>> ReadableSlugsAsync(this PortalFixture portal, string userId)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<ChannelAccess>();
        return await access.ReadableBy(userId).Select(c => c.Slug).OrderBy(s => s).ToListAsync();
    }

    /// <summary>
    /// The readable channels that follow the profile (community, sector, country), leaving out the open channels and
    /// working groups other tests of the class may have made.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadableProfileSlugsAsync(this PortalFixture portal, string userId)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<ChannelAccess>();
        return await access.ReadableBy(userId)
            .Where(c => c.Kind == ChannelKind.Community || c.Kind == ChannelKind.Sector || c.Kind == ChannelKind.Country)
            .Select(c => c.Slug).OrderBy(s => s).ToListAsync();
    }
}
