using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.SharedKernel;
using Npgsql;
using Shouldly;
using static CecPortal.IntegrationTests.Briefings.BriefingDeliveryFixture;

namespace CecPortal.IntegrationTests.Infrastructure.Operations;

/// <summary>Stopping the portal in the middle of a briefing fan-out loses nothing and sends nothing twice.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stop_DuringSlowFanOut_EachMemberSentOnceOrReleasedAndTheNextInstanceFinishes()
    {
        // Arrange: a slow SMTP server (100 ms per message) and enough members for several seconds of sending.
        await using var sink = new LeanSmtpSink { OnData = (_, _) => { Thread.Sleep(100); return null; } };
        var fixture = new SlowFixture(sink.Port);
        await fixture.InitializeAsync();
        for (var i = 0; i < 50; i++)
        {
            await fixture.CreateUserAsync($"slow.member{i:00}@shutdown.cec.example", $"Slow Member {i:00}", Roles.Member);
        }

        var members = await fixture.ActiveMemberEmailsAsync();
        var briefing = await fixture.ScheduleTodaysBriefingAsync("Shutdown drill");
        await fixture.WithServiceAsync<MorningBriefingJob>(job => job.RunAsync(Token));
        await sink.WaitForCountAsync(5);

        // Act: stop the portal while its senders are busy.
        await fixture.Factory.DisposeAsync();

        // Assert: every row is either sent (and the member got it once) or pending, unclaimed, and not received.
        var rows = await LedgerAsync(fixture.ConnectionString, briefing.Id);
        rows.Count.ShouldBe(members.Count);
        var sent = rows.Where(r => r.Status == (int)DeliveryStatus.Sent).ToList();
        var pending = rows.Where(r => r.Status == (int)DeliveryStatus.Pending).ToList();
        sent.Count.ShouldBeGreaterThan(0);
        pending.Count.ShouldBeGreaterThan(0, "the stop came mid-way");
        (sent.Count + pending.Count).ShouldBe(rows.Count);
        sent.ShouldAllBe(r => sink.AcceptedCount(r.Email) == 1);
        pending.ShouldAllBe(r => sink.AcceptedCount(r.Email) == 0 && !r.Claimed, "released rows were not sent and are free for the next sender");

        // And the next instance on the same database picks the handed-back job up and finishes the briefing.
        sink.OnData = null;
        await using var second = new PortalFactory(fixture.ConnectionString, sink.Port, SlowFixture.Tuning(sink.Port));
        _ = second.Server;
        await WaitUntilAsync(async () => (await LedgerAsync(fixture.ConnectionString, briefing.Id)).All(r => r.Status == (int)DeliveryStatus.Sent), "the second instance to finish");
        members.ShouldAllBe(m => sink.AcceptedCount(m) == 1);
        await fixture.DisposeAsync();
    }

    private static async Task<List<(string Email, int Status, bool Claimed)>> LedgerAsync(string connectionString, Guid briefingId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(
            """
            SELECT u."Email", d."Status", d."ClaimedUntil" IS NOT NULL AND d."ClaimedUntil" > now()
            FROM briefing_deliveries d JOIN "AspNetUsers" u ON u."Id" = d."MemberId"
            WHERE d."BriefingId" = @id
            """,
            connection);
        command.Parameters.AddWithValue("id", briefingId);
        var rows = new List<(string, int, bool)>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetBoolean(2)));
        }

        return rows;
    }

    /// <summary>One chunk, two SMTP connections, a long lease: only a release can free the rows quickly.</summary>
    private sealed class SlowFixture(int smtpPort) : PortalFixture
    {
        public static Dictionary<string, string?> Tuning(int port) => new()
        {
            ["Email:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Briefings:ChunkSize"] = "1000",
            ["Briefings:SmtpConcurrency"] = "2",
            ["Briefings:LeaseDuration"] = "00:10:00",
            ["Shutdown:Timeout"] = "00:00:20",
        };

        protected override IReadOnlyDictionary<string, string?>? Settings => Tuning(smtpPort);

        public Task<List<string>> ActiveMemberEmailsAsync() => WithDbAsync(db => Task.FromResult(
            db.UsersInRole(Roles.Member).Where(u => u.EmailConfirmed && u.SuspendedAt == null && u.BriefingOptOutAt == null).Select(u => u.Email!).ToList()));

        public async Task<Briefing> ScheduleTodaysBriefingAsync(string title)
        {
            var editorId = await UserIdAsync(PortalFactory.EditorEmail);
            var now = DateTimeOffset.UtcNow;
            var briefing = Briefing.Create(
                new BriefingOptions().Today(TimeProvider.System),
                new BriefingContent(title, $"{title}.", $"<p>{title}.</p>", TlpLabel.Amber,
                    [new VulnerabilityEntry { CveId = "CVE-2026-4243", Product = "Edge Gateway", Severity = VulnerabilitySeverity.High, Summary = "Auth bypass" }]),
                editorId,
                now);
            briefing.Schedule(editorId, now);
            await WithDbAsync(async db =>
            {
                db.Briefings.Add(briefing);
                return await db.SaveChangesAsync(Token);
            });
            return briefing;
        }
    }
}
