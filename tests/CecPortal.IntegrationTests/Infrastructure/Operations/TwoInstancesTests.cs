using System.Collections.Concurrent;
using System.Net;
using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Infrastructure.Jobs;
using CecPortal.Web.SharedKernel;
using Hangfire;
using Hangfire.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>
/// Scale-out on the existing engines: two instances on one database share sign-in cookies (Data Protection keys
/// in the database), run each recurring occurrence once, and share the briefing fan-out between their workers.
/// </summary>
public sealed class TwoInstancesTests(TwoInstancesFixture portals) : IClassFixture<TwoInstancesFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_OnInstanceA_CookieWorksOnInstanceB()
    {
        // Arrange
        var cookies = new CookieContainer();
        using var a = TwoInstancesFixture.Client(portals.AddressA, cookies);
        using var b = TwoInstancesFixture.Client(portals.AddressB, cookies);
        using (var before = await b.GetAsync(new Uri("/profile", UriKind.Relative), Token))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in yet");
        }

        // Act
        using var signIn = await a.SignInAsync(PortalFactory.MemberEmail, PortalFactory.DemoPassword);
        using var profile = await b.GetAsync(new Uri("/profile", UriKind.Relative), Token);

        // Assert
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("cec.auth=", StringComparison.Ordinal), "instance A issued the sign-in cookie");
        profile.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await profile.Content.ReadAsStringAsync(Token)).ShouldContain(PortalFactory.MemberEmail);
        (await portals.WithDbAsync(db => db.DataProtectionKeys.CountAsync(Token))).ShouldBeGreaterThan(0, "the key ring lives in the shared database");
    }

    [Fact]
    public async Task RecurringJob_DueOnBothInstances_EachOccurrenceRunsOnce()
    {
        // Arrange: a probe every two seconds; Strict misfire handling gives every occurrence its own "Time".
        const string probeId = "scale-out-probe";
        ScaleOutProbeJob.Runs.Clear();
        var recurring = portals.A.Services.GetRequiredService<IRecurringJobManager>();

        // Act: both servers' schedulers poll every second and find each occurrence due.
        recurring.AddOrUpdate<ScaleOutProbeJob>(probeId, job => job.Run(null), "*/2 * * * * *", new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Strict });
        try
        {
            await Jobs.UntilAsync(() => Task.FromResult(ScaleOutProbeJob.Runs.Select(r => r.Occurrence).Distinct().Count() >= 8), "eight occurrences of the probe");
        }
        finally
        {
            recurring.RemoveIfExists(probeId);
        }

        // Assert: per occurrence, one job and one run, whichever instance scheduled or ran it.
        var created = await Jobs.ListAsync(
            portals.ConnectionString,
            """
            SELECT t.value FROM hangfire.job j
            JOIN hangfire.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId' AND r.value LIKE '%scale-out-probe%'
            JOIN hangfire.jobparameter t ON t.jobid = j.id AND t.name = 'Time'
            """,
            reader => reader.GetString(0));
        created.Count.ShouldBeGreaterThanOrEqualTo(8);
        created.GroupBy(t => t).ShouldAllBe(g => g.Count() == 1, "no occurrence was scheduled twice");
        ScaleOutProbeJob.Runs.GroupBy(r => r.Occurrence).ShouldAllBe(g => g.Count() == 1, "no occurrence ran twice");
    }

    [Fact]
    public async Task MorningBriefing_300Members_BothInstancesSendChunksAndEachMemberGetsOneEmail()
    {
        // Arrange
        await AddMembersAsync(300);
        var expected = await portals.WithDbAsync(db => db.UsersInRole(Roles.Member)
            .Where(u => u.EmailConfirmed && u.SuspendedAt == null && u.BriefingOptOutAt == null)
            .Select(u => u.Email!)
            .ToListAsync(Token));
        var briefing = await ScheduleTodaysBriefingAsync();

        // A little latency per message, as a real mail server has, so that neither instance drains the queue alone.
        portals.Sink.OnData = (_, _) =>
        {
            Thread.Sleep(5);
            return null;
        };

        // Act: the morning job runs on instance A; its chunk jobs go to Hangfire's queue, which both servers serve.
        await using (var scope = portals.A.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<MorningBriefingJob>().RunAsync(Token)).ShouldBe(MorningOutcome.Sending);
        }

        await Jobs.UntilAsync(
            async () => await portals.WithDbAsync(db => db.Briefings.AnyAsync(b => b.Id == briefing && b.Status == BriefingStatus.Sent, Token)),
            "the briefing to be sent");

        // Assert
        var messages = portals.Sink.Received.Where(m => m.Message.MessageId?.StartsWith($"briefing.{briefing:N}.", StringComparison.Ordinal) == true).ToList();
        expected.Count.ShouldBeGreaterThanOrEqualTo(300);
        // Each member exactly once.
        messages.Select(m => m.Recipients.Single()).Order().ShouldBe(expected.Order());
        var servers = await Jobs.ListAsync(
            portals.ConnectionString,
            """
            SELECT DISTINCT split_part(s.data::json ->> 'ServerId', ':', 1)
            FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%SendBriefingChunkJob%'
            """,
            reader => reader.GetString(0));
        // Both instances' workers processed chunks.
        servers.Order().ToList().ShouldBe(["instance-a", "instance-b"]);
    }

    private async Task AddMembersAsync(int count)
    {
        await portals.WithDbAsync(async db =>
        {
            var memberRole = await db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id).SingleAsync(Token);
            for (var i = 0; i < count; i++)
            {
                var email = $"scale.member{i:D3}@it.cec.example";
                var user = new PortalUser(new ProfileDetails($"Scale Member {i:D3}", null, null, null, null, HiddenFromDirectory: false), DateTimeOffset.UtcNow)
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = memberRole });
            }

            return await db.SaveChangesAsync(Token);
        });
    }

    private async Task<Guid> ScheduleTodaysBriefingAsync()
    {
        var editorId = await portals.WithDbAsync(db => db.Users.Where(u => u.Email == PortalFactory.EditorEmail).Select(u => u.Id).SingleAsync(Token));
        var now = DateTimeOffset.UtcNow;
        var briefing = Briefing.Create(
            new BriefingOptions().Today(TimeProvider.System),
            new BriefingContent("Two instances", "Shared fan-out.", "<p>Shared fan-out.</p>", TlpLabel.Amber, []),
            editorId,
            now);
        briefing.Schedule(editorId, now);
        await portals.WithDbAsync(async db =>
        {
            db.Briefings.Add(briefing);
            return await db.SaveChangesAsync(Token);
        });
        return briefing.Id;
    }
}

/// <summary>A test-only recurring job: records which occurrence it ran for and on which instance.</summary>
public sealed class ScaleOutProbeJob(JobsInstance instance)
{
    public static ConcurrentQueue<(string Occurrence, string Server)> Runs { get; } = new();

    public void Run(PerformContext? context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var occurrence = context.Connection.GetJobParameter(context.BackgroundJob.Id, "Time");
        Runs.Enqueue((occurrence, instance.ServerName));
    }
}
