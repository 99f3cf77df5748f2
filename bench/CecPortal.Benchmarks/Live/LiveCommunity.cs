using System.Diagnostics;
using CecPortal.Benchmarks.Http;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Demo;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Web;
using CecPortal.Web.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CecPortal.Benchmarks.Live;

/// <summary>A channel the benchmark posts into, and the members (by number) who may read it.</summary>
internal sealed record BenchChannel(Guid Id, string Label, HashSet<int> Readers);

/// <summary>A member who posts, the channel, and the topic they reply in.</summary>
internal sealed record PosterPlan(int Member, BenchChannel Channel, Guid TopicId);

/// <summary>What a member's open page follows: every channel (the sharing home), one channel (its page) or one topic (its page).</summary>
internal sealed record Follow(string Query, Guid? ChannelId, Guid? TopicId)
{
    public static readonly Follow Everything = new(string.Empty, null, null);

    public bool Covers(PosterPlan poster) =>
        (ChannelId is null || ChannelId == poster.Channel.Id) && (TopicId is null || TopicId == poster.TopicId);
}

/// <summary>
/// The benchmark's community on top of the demo data: N members (binary COPY) spread unevenly over six sectors and six
/// countries, two working groups (5 % and about 1 % of the members), 20 posters each with their own topic in a channel
/// of its own size (the community channel, sector, country and working-group channels), what each member's open page
/// follows (a quarter a topic of their sector, a quarter their sector's channel, half the sharing home), and a session
/// cookie for each member.
/// </summary>
internal sealed class LiveCommunity
{
    private static readonly int[] SectorWeights = [40, 20, 15, 10, 10, 5];
    private static readonly int[] CountryWeights = [30, 20, 20, 10, 10, 10];

    private LiveCommunity(string[] memberIds, Http.SessionCookies[] cookies, IReadOnlyList<BenchChannel> channels, IReadOnlyList<PosterPlan> posters, Follow[] follows)
    {
        MemberIds = memberIds;
        Cookies = cookies;
        Channels = channels;
        Posters = posters;
        Follows = follows;
    }

    public string[] MemberIds { get; }

    public Http.SessionCookies[] Cookies { get; }

    public IReadOnlyList<BenchChannel> Channels { get; }

    public IReadOnlyList<PosterPlan> Posters { get; }

    public Follow[] Follows { get; }

    public static async Task<LiveCommunity> ArrangeAsync(PortalStack stack, int count)
    {
        var watch = Stopwatch.StartNew();
        List<(Guid Id, string Code)> sectors;
        List<(Guid Id, string Code)> countries;
        Guid communityId;
        await using (var db = stack.NewDbContext())
        {
            sectors = [.. (await db.Channels.Where(c => c.Kind == ChannelKind.Sector).OrderBy(c => c.SectorCode).Take(SectorWeights.Length).Select(c => new { c.Id, c.SectorCode }).ToListAsync()).Select(c => (c.Id, c.SectorCode!))];
            countries = [.. (await db.Channels.Where(c => c.Kind == ChannelKind.Country).OrderBy(c => c.CountryCode).Take(CountryWeights.Length).Select(c => new { c.Id, c.CountryCode }).ToListAsync()).Select(c => (c.Id, c.CountryCode!))];
            communityId = await db.Channels.Where(c => c.Kind == ChannelKind.Community).Select(c => c.Id).SingleAsync();
        }

        var random = new Random(42);
        var sectorOf = Enumerable.Range(0, count).Select(_ => Pick(random, SectorWeights)).ToArray();
        var countryOf = Enumerable.Range(0, count).Select(_ => Pick(random, CountryWeights)).ToArray();
        var memberIds = await MemberSeed.CopyAsync(stack.ConnectionString, count, i => new MemberProfile(countries[countryOf[i]].Code, sectors[sectorOf[i]].Code), acceptPrivacyNotice: true, prefix: "live");
        var everyone = Enumerable.Range(0, count).ToHashSet();
        var community = new BenchChannel(communityId, "community", everyone);
        var sectorChannels = sectors.Select((s, k) => new BenchChannel(s.Id, $"sector {s.Code}", [.. everyone.Where(i => sectorOf[i] == k)])).ToArray();
        var countryChannels = countries.Select((c, k) => new BenchChannel(c.Id, $"country {c.Code}", [.. everyone.Where(i => countryOf[i] == k)])).ToArray();
        HashSet<int> groupA = [.. everyone.Where(i => i % 20 == 7)];
        HashSet<int> groupB = [.. everyone.Where(i => i % 80 == 3)];

        // The portal hosted in this process, on the same database and key ring, for what has no page worth timing here:
        // the working groups, the posters' topics, and a session for every member.
        await using var portal = InProcessPortal.Start(stack.ConnectionString, smtpPort: null, smtpConnections: 1, stack.KeyRing.Settings);
        await using var scope = portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var portalDb = services.GetRequiredService<AppDbContext>();
        var admin = await portalDb.Users.Where(u => u.Email == "admin@" + DemoSeeder.Domain).Select(u => u.Id).SingleAsync();
        var staff = new Actor(admin, "admin@" + DemoSeeder.Domain);
        var now = DateTimeOffset.UtcNow;
        BenchChannel Group(string slug, string name, HashSet<int> members)
        {
            var channel = Channel.Create(ChannelKind.WorkingGroup, slug, name, "A working group of the live benchmark.", TlpLabel.Amber, staff, now);
            portalDb.Channels.Add(channel);
            portalDb.ChannelSubscriptions.AddRange(members.Select(i => ChannelSubscription.Add(channel.Id, memberIds[i], SubscriptionRole.Member, staff, now)));
            return new BenchChannel(channel.Id, $"working group {slug}", members);
        }

        var workingGroupA = Group("bench-wg-a", "Benchmark working group A", groupA);
        var workingGroupB = Group("bench-wg-b", "Benchmark working group B", groupB);
        await portalDb.SaveChangesAsync();

        // 20 posters: 1 in the community channel, 7 in five sectors, 6 in six countries, 3 in each working group.
        BenchChannel[] plan =
        [
            community,
            sectorChannels[0], sectorChannels[0], sectorChannels[1], sectorChannels[1], sectorChannels[2], sectorChannels[3], sectorChannels[5],
            .. countryChannels,
            workingGroupA, workingGroupA, workingGroupA,
            workingGroupB, workingGroupB, workingGroupB,
        ];
        var writer = services.GetRequiredService<MessageWriter>();
        // Posters are distinct members, chosen for the smallest channels first so that the working groups have enough.
        var taken = new HashSet<int>();
        var chosen = new int[plan.Length];
        foreach (var k in Enumerable.Range(0, plan.Length).OrderBy(k => plan[k].Readers.Count))
        {
            chosen[k] = Enumerable.Range(0, count).First(i => plan[k].Readers.Contains(i) && taken.Add(i));
        }

        var posters = new List<PosterPlan>();
        foreach (var (channel, member) in plan.Zip(chosen))
        {
            var tlp = await portalDb.Channels.Where(c => c.Id == channel.Id).Select(c => c.DefaultTlp).SingleAsync();
            var topic = await writer.StartTopicAsync(memberIds[member], channel.Id, $"Live benchmark topic {posters.Count + 1}", "Opening the thread for the live benchmark.", tlp, CancellationToken.None);
            posters.Add(new PosterPlan(member, channel, topic.TopicId));
        }

        var follows = Enumerable.Range(0, count).Select(i =>
        {
            var sector = sectorChannels[sectorOf[i]];
            var topicInSector = posters.FirstOrDefault(p => p.Channel == sector);
            return (i % 4) switch
            {
                0 when topicInSector is not null => new Follow($"?topic={topicInSector.TopicId}", sector.Id, topicInSector.TopicId),
                0 or 1 => new Follow($"?channel={sector.Id}", sector.Id, null),
                _ => Follow.Everything,
            };
        }).ToArray();

        var cookies = await SignInAsync(portal.Services, memberIds);
        Console.WriteLine($"Community: {count:N0} members seeded with COPY, 2 working groups, 20 topics and {count:N0} sessions in {watch.Elapsed.TotalSeconds:F1} s");
        return new LiveCommunity(memberIds, cookies, [community, .. sectorChannels, .. countryChannels, workingGroupA, workingGroupB], posters, follows);
    }

    /// <summary>
    /// A session cookie per member from the portal's own sign-in manager (the claims, security stamp and session instant
    /// of a real sign-in; the cookie protected with the shared key ring), skipping only the password check: 210,000
    /// PBKDF2 iterations per member would cost minutes of CPU on this machine and measure nothing about live updates.
    /// </summary>
    private static async Task<Http.SessionCookies[]> SignInAsync(IServiceProvider services, string[] memberIds)
    {
        var cookies = new Http.SessionCookies[memberIds.Length];
        for (var i = 0; i < memberIds.Length; i++)
        {
            // A scope per sign-in, as per request: the authentication handlers a scope creates stay bound to its first context.
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
            var user = await users.FindByIdAsync(memberIds[i]) ?? throw new InvalidOperationException($"Member {i} was not seeded.");
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("127.0.0.1");
            signIn.Context = context;
            await signIn.SignInAsync(user, isPersistent: false);
            cookies[i] = new Http.SessionCookies();
            cookies[i].Remember(context.Response.Headers.SetCookie.Where(v => v is not null).Select(v => v!));
        }

        return cookies;
    }

    private static int Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var k = 0; k < weights.Length; k++)
        {
            roll -= weights[k];
            if (roll < 0)
            {
                return k;
            }
        }

        return weights.Length - 1;
    }
}
