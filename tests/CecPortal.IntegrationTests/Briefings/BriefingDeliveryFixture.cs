using CecPortal.Testing;
using CecPortal.Web.Data;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CecPortal.IntegrationTests.Briefings;

/// <summary>
/// A portal whose mail goes to a scriptable <see cref="LeanSmtpSink"/>, with a fan-out tuned for tests: small
/// chunks, two SMTP connections, three attempts, back-off and leases of a fraction of a second.
/// </summary>
public sealed class BriefingDeliveryFixture : PortalFixture, IAsyncDisposable
{
    public const int ChunkSize = 5;
    public const int SmtpConcurrency = 2;
    public const int MaxAttempts = 3;
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    public LeanSmtpSink Sink { get; } = new();

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Email:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Briefings:ChunkSize"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Briefings:SmtpConcurrency"] = SmtpConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Briefings:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Briefings:LeaseDuration"] = Lease.ToString(),
        ["Briefings:RetryBackoff"] = "00:00:00.300",
        ["Portal:BaseUrl"] = "https://portal.test",
    };

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Every test starts without briefings (and so without ledger rows) or missing-briefing alerts, and with a well-behaved server.</summary>
    public async Task ResetAsync()
    {
        Sink.OnRecipient = null;
        Sink.OnData = null;
        await WithDbAsync(async db =>
        {
            await db.Briefings.ExecuteDeleteAsync(Token);
            await db.AuditEntries.Where(e => e.Action.StartsWith("briefing.")).ExecuteDeleteAsync(Token);

            // A refusal in an earlier test marks its address undeliverable (issue 18); each test starts with every address working.
            await db.MailBounces.ExecuteDeleteAsync(Token);
            await db.Users.Where(u => u.UndeliverableSince != null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.UndeliverableSince, (DateTimeOffset?)null).SetProperty(u => u.UndeliverableReason, (string?)null), Token);
            return await db.OutboundEmails.ExecuteDeleteAsync(Token);
        });
    }

    /// <summary>Today's briefing (in the briefing time zone), scheduled, as an editor leaves it the evening before.</summary>
    public async Task<Briefing> ScheduleTodaysBriefingAsync(string title, TlpLabel tlp = TlpLabel.Amber, bool publishEarly = false)
    {
        var editorId = await UserIdAsync(PortalFactory.EditorEmail);
        var now = DateTimeOffset.UtcNow;
        var today = new BriefingOptions().Today(TimeProvider.System);
        var briefing = Briefing.Create(
            today,
            new BriefingContent(title, $"{title}: patch **now**.", $"<p>{title}: patch <strong>now</strong>.</p>", tlp,
                [new VulnerabilityEntry { CveId = "CVE-2026-4242", Product = "Edge Gateway", Severity = VulnerabilitySeverity.High, Summary = "Auth bypass" }]),
            editorId,
            now);
        briefing.Schedule(editorId, now);
        if (publishEarly)
        {
            briefing.Publish(now);
        }

        await WithDbAsync(async db =>
        {
            db.Briefings.Add(briefing);
            return await db.SaveChangesAsync(Token);
        });
        return briefing;
    }

    /// <summary>Emails of the members who should get the briefing, read independently of the engine's SQL.</summary>
    public Task<List<string>> ActiveMemberEmailsAsync() => WithDbAsync(db => db.UsersInRole(Roles.Member)
        .Where(u => u.EmailConfirmed && u.SuspendedAt == null && u.BriefingOptOutAt == null && u.UndeliverableSince == null)
        .Select(u => u.Email!)
        .OrderBy(e => e)
        .ToListAsync(Token));

    /// <summary>The accepted messages of one briefing, by their stable Message-ID.</summary>
    public List<SinkMessage> MessagesOf(Guid briefingId) =>
        Sink.Received.Where(m => m.Message.MessageId?.StartsWith($"briefing.{briefingId:N}.", StringComparison.Ordinal) == true).ToList();

    public Task<int> PendingAsync(Guid briefingId) =>
        WithDbAsync(db => db.BriefingDeliveries.CountAsync(d => d.BriefingId == briefingId && d.Status == DeliveryStatus.Pending, Token));

    public Task<Briefing> BriefingAsync(Guid briefingId) =>
        WithDbAsync(db => db.Briefings.AsNoTracking().SingleAsync(b => b.Id == briefingId, Token));

    public Task<List<BriefingDelivery>> LedgerAsync(Guid briefingId) =>
        WithDbAsync(db => db.BriefingDeliveries.AsNoTracking().Where(d => d.BriefingId == briefingId).ToListAsync(Token));

    public async Task SetAsync(string email, bool? emailConfirmed = null, DateTimeOffset? optedOutAt = null)
    {
        await WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(
            set => set
                .SetProperty(u => u.EmailConfirmed, u => emailConfirmed ?? u.EmailConfirmed)
                .SetProperty(u => u.BriefingOptOutAt, u => optedOutAt ?? u.BriefingOptOutAt),
            Token));
    }

    /// <summary>Polls until <paramref name="condition"/> holds; on time-out, <paramref name="describe"/> says where things stood.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<Task<string>>? describe = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var state = describe is null ? string.Empty : " " + await describe();
                throw new TimeoutException($"Timed out waiting for {what}.{state}");
            }

            await Task.Delay(100, Token);
        }
    }

    /// <summary>
    /// What the fan-out of <paramref name="briefingId"/> looks like now: each ledger row's status, attempts, lease and
    /// back-off, and the count of Hangfire jobs by state. A timed-out wait reports it, so a slow run says where it stood.
    /// </summary>
    public async Task<string> DescribeFanOutAsync(Guid briefingId)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = (await LedgerAsync(briefingId)).OrderBy(d => d.Id).Select(d =>
            $"row {d.Id}: {d.Status}, {d.Attempts} attempt(s), lease {Relative(d.ClaimedUntil, now)}, next {Relative(d.NextAttemptAt, now)}");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT coalesce(statename, '(none)') || ': ' || count(*) FROM hangfire.job GROUP BY statename ORDER BY 1", connection);
        var jobs = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Token))
        {
            while (await reader.ReadAsync(Token))
            {
                jobs.Add(reader.GetString(0));
            }
        }

        return $"{string.Join("; ", rows)}. Jobs by state: {string.Join(", ", jobs)}.";
    }

    private static string Relative(DateTimeOffset? at, DateTimeOffset now) =>
        at is { } value ? $"{(value - now).TotalSeconds:+0.0;-0.0}s" : "none";

    /// <summary>Raw SQL on the test database, for what the portal offers no service for (Hangfire's tables).</summary>
    public async Task<long> ScalarAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stops the portal first, then the sink it sends to.</summary>
    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }

    public async Task<List<AuditEntry>> AuditAsync(string action) =>
        await WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync(Token));
}
