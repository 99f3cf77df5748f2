using Npgsql;
using NpgsqlTypes;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// Every statement on the delivery ledger (<c>briefing_deliveries</c>), for every <see cref="DeliveryKind"/>: filling it,
/// the counts the jobs schedule by, the sweep's look-ups, the staff retry, and (through <see cref="OpenSenderAsync"/>) a
/// sender's lease and settle statements on its own connection. "Ready to send" is written once, in <see cref="ReadySql"/>;
/// a subject is named by its kind's column (<see cref="DeliverySubject.Column"/>), so each kind uses its own indexes.
/// </summary>
public sealed class DeliveryLedger
{
    /// <summary>A pending row that no sender holds (never leased, or its lease ran out) and no back-off holds back.</summary>
    private const string ReadySql = """
        "Status" = 0 AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < @now) AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= @now)
        """;

    private const string SentSql = """
        UPDATE briefing_deliveries
        SET "Status" = 1, "Attempts" = "Attempts" + 1, "SentAt" = @now, "LastAttemptAt" = @now, "ClaimedUntil" = NULL, "NextAttemptAt" = NULL
        WHERE "Id" = @id AND "Status" <> 1
        """;

    private const string FailedSql = """
        UPDATE briefing_deliveries
        SET "Attempts" = "Attempts" + 1, "LastError" = @error, "LastAttemptAt" = @now, "ClaimedUntil" = NULL,
            "Status" = CASE WHEN @permanent OR "Attempts" + 1 >= @max THEN 2 ELSE 0 END,
            "NextAttemptAt" = CASE WHEN @permanent OR "Attempts" + 1 >= @max THEN NULL ELSE @next END
        WHERE "Id" = @id AND "Status" = 0
        RETURNING "Status"
        """;

    private const string ReleaseSql = """
        UPDATE briefing_deliveries SET "ClaimedUntil" = NULL WHERE "Id" = ANY(@ids) AND "Status" = 0
        """;

    /// <summary>Briefings whose fan-out started with a row ready to send; inside EXISTS, <see cref="ReadySql"/>'s names are the rows'.</summary>
    private static readonly string BriefingsWithReadyRowsSql = $"""
        SELECT b."Id" AS "Value" FROM briefings AS b
        WHERE b."SendStartedAt" IS NOT NULL AND b."Status" IN ({(int)BriefingStatus.Published}, {(int)BriefingStatus.Sent})
          AND EXISTS (SELECT 1 FROM briefing_deliveries WHERE "BriefingId" = b."Id" AND {ReadySql})
        """;

    /// <summary>Alerts with a row ready to send: an alert's rows exist only once it was confirmed, so the rows say it all.</summary>
    private const string AlertsWithReadyRowsSql = $"""
        SELECT DISTINCT "UrgentAlertId" AS "Value" FROM briefing_deliveries WHERE "UrgentAlertId" IS NOT NULL AND {ReadySql}
        """;

    private static string CountReadySql(DeliverySubject subject) => $"""
        SELECT count(*)::int AS "Value" FROM briefing_deliveries WHERE "{subject.Column}" = @subject AND {ReadySql}
        """;

    /// <summary>
    /// Leases a batch and reads each member's address as it is now. The briefing's own opt-out is read here; an alert's
    /// readers and opt-outs are settled by its source before a pass (they need the channel's read rule).
    /// </summary>
    private static string ClaimSql(DeliverySubject subject) => $"""
        WITH claimed AS (
            UPDATE briefing_deliveries SET "ClaimedUntil" = @until
            WHERE "Id" IN (
                SELECT "Id" FROM briefing_deliveries
                WHERE "{subject.Column}" = @subject AND {ReadySql}
                ORDER BY "Id"
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id", "MemberId", "Attempts")
        SELECT c."Id", c."MemberId", c."Attempts", u."Email", u."FullName", u."EmailConfirmed",
               (u."SuspendedAt" IS NOT NULL OR u."LapsedAt" IS NOT NULL OR u."LeftAt" IS NOT NULL), {(subject.Kind == DeliveryKind.Briefing ? "u.\"BriefingOptOutAt\" IS NOT NULL" : "FALSE")},
               u."UndeliverableSince" IS NOT NULL
        FROM claimed AS c JOIN "AspNetUsers" AS u ON u."Id" = c."MemberId"
        ORDER BY c."Id"
        """;

    private readonly AppDbContext _db;
    private readonly TimeProvider _clock;
    private readonly BriefingOptions _options;

    // Read here, on the request's thread: the senders open their connections in parallel, and a DbContext is not thread-safe.
    private readonly string _connectionString;

    public DeliveryLedger(AppDbContext db, TimeProvider clock, IOptions<BriefingOptions> options)
    {
        _db = db;
        _clock = clock;
        _options = options.Value;
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database connection string is not configured.");
        _connectionString = _options.DurableSentMarks ? connectionString : RelaxedCommits(connectionString);
    }

    /// <summary>
    /// The senders' own pool, whose sessions start with <c>synchronous_commit=off</c>; see
    /// <see cref="BriefingOptions.DurableSentMarks"/> for what it trades. A startup option rather than a <c>SET</c>: the
    /// pages' pool does not reset a connection it takes back (<see cref="Infrastructure.Web.PortalDatabase.ForPages"/>), so a
    /// <c>SET</c> on one of its connections would reach the requests that borrow it next.
    /// </summary>
    internal static string RelaxedCommits(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c synchronous_commit=off" : builder.Options + " -c synchronous_commit=off";
        return builder.ConnectionString;
    }

    /// <summary>
    /// Adds a Pending row for every active member (role Member, email confirmed, not suspended, lapsed or left, not opted
    /// out, address not marked undeliverable)
    /// that has none yet for this briefing, in one streaming statement. Returns the number of rows added.
    /// </summary>
    public Task<int> FillAsync(Guid briefingId, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        return _db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "CreatedAt")
            SELECT {briefingId}, u."Id", 0, 0, {now}
            FROM "AspNetUsers" AS u
            WHERE u."EmailConfirmed" AND u."Email" IS NOT NULL AND u."SuspendedAt" IS NULL AND u."BriefingOptOutAt" IS NULL
              AND u."LapsedAt" IS NULL AND u."LeftAt" IS NULL
              AND u."UndeliverableSince" IS NULL
              AND EXISTS (
                  SELECT 1 FROM "AspNetUserRoles" AS ur JOIN "AspNetRoles" AS r ON r."Id" = ur."RoleId"
                  WHERE ur."UserId" = u."Id" AND r."Name" = {Roles.Member})
            ORDER BY u."Id"
            ON CONFLICT ("BriefingId", "MemberId") DO NOTHING
            """,
            cancellationToken);
    }

    /// <summary>
    /// Adds a Pending row for each of <paramref name="memberIds"/> that has none yet for the urgent alert, in one
    /// statement; the caller chose them by the channel's read rule. Returns the number of rows added.
    /// </summary>
    public Task<int> FillAlertAsync(Guid alertId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var ids = memberIds.ToArray();
        return _db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO briefing_deliveries ("UrgentAlertId", "MemberId", "Status", "Attempts", "CreatedAt")
            SELECT {alertId}, m, 0, 0, {now} FROM unnest({ids}) AS m ORDER BY m
            ON CONFLICT ("UrgentAlertId", "MemberId") DO NOTHING
            """,
            cancellationToken);
    }

    /// <summary>Rows of the subject that a sender could take now.</summary>
    public async Task<int> CountReadyAsync(DeliverySubject subject, CancellationToken cancellationToken)
    {
        var counts = await _db.Database
            .SqlQueryRaw<int>(CountReadySql(subject), new NpgsqlParameter<Guid>("subject", subject.Id), new NpgsqlParameter<DateTimeOffset>("now", _clock.GetUtcNow()))
            .ToListAsync(cancellationToken);
        return counts[0];
    }

    public Task<bool> AnyPendingAsync(DeliverySubject subject, CancellationToken cancellationToken) =>
        Rows(subject).AnyAsync(d => d.Status == DeliveryStatus.Pending, cancellationToken);

    /// <summary>The earliest back-off end among pending rows, for scheduling a follow-up.</summary>
    public Task<DateTimeOffset?> NextAttemptAtAsync(DeliverySubject subject, CancellationToken cancellationToken) =>
        Rows(subject).Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt != null)
            .MinAsync(d => d.NextAttemptAt, cancellationToken);

    /// <summary>
    /// Every subject with a row ready now (a lease or back-off ended): published or sent briefings whose fan-out
    /// started, and urgent alerts.
    /// </summary>
    public async Task<List<DeliverySubject>> SubjectsWithReadyRowsAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var briefings = await _db.Database
            .SqlQueryRaw<Guid>(BriefingsWithReadyRowsSql, new NpgsqlParameter<DateTimeOffset>("now", now))
            .ToListAsync(cancellationToken);
        var alerts = await _db.Database
            .SqlQueryRaw<Guid>(AlertsWithReadyRowsSql, new NpgsqlParameter<DateTimeOffset>("now", now))
            .ToListAsync(cancellationToken);
        return [.. briefings.Select(DeliverySubject.Briefing), .. alerts.Select(DeliverySubject.UrgentAlert)];
    }

    /// <summary>The subject's rows, through its kind's column.</summary>
    public IQueryable<BriefingDelivery> Rows(DeliverySubject subject) => subject.Kind switch
    {
        DeliveryKind.Briefing => _db.BriefingDeliveries.Where(d => d.BriefingId == subject.Id),
        DeliveryKind.UrgentAlert => _db.BriefingDeliveries.Where(d => d.UrgentAlertId == subject.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject.Kind, "Not a delivery kind."),
    };

    /// <summary>Published briefings whose fan-out started and that have no pending row left: ready to be marked Sent.</summary>
    public Task<List<Guid>> BriefingsWithNothingPendingAsync(CancellationToken cancellationToken) =>
        _db.Briefings.AsNoTracking()
            .Where(b => b.SendStartedAt != null && b.Status == BriefingStatus.Published)
            .Where(b => !_db.BriefingDeliveries.Any(d => d.BriefingId == b.Id && d.Status == DeliveryStatus.Pending))
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Puts every Failed row of the briefing back to Pending (attempts kept, back-off and lease cleared); returns how many.</summary>
    public Task<int> RequeueFailedAsync(Guid briefingId, CancellationToken cancellationToken) =>
        Rows(DeliverySubject.Briefing(briefingId))
            .Where(d => d.Status == DeliveryStatus.Failed)
            .ExecuteUpdateAsync(
                set => set.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null),
                cancellationToken);

    /// <summary>
    /// A connection of one sender's own, for its lease and settle statements; safe to call from several senders at once.
    /// </summary>
    internal async Task<SenderLedger> OpenSenderAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new SenderLedger(connection);
    }

    /// <summary>
    /// The ledger as one sender sees it, on its own connection: lease a batch, then settle each row on its own right
    /// after the server's reply, so that a crash can repeat at most the one message in flight.
    /// </summary>
    internal sealed class SenderLedger(NpgsqlConnection connection) : IAsyncDisposable
    {
        private NpgsqlCommand? _sent;

        public async Task<List<ClaimedDelivery>> ClaimAsync(DeliverySubject subject, int limit, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(ClaimSql(subject), connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("subject", subject.Id));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("until", until));
            var rows = new List<ClaimedDelivery>(limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ClaimedDelivery(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4),
                    reader.GetBoolean(5),
                    reader.GetBoolean(6),
                    reader.GetBoolean(7),
                    reader.GetBoolean(8)));
            }

            return rows;
        }

        /// <summary>Records the server's acceptance. Never cancelled: the message is out, the ledger must say so.</summary>
        public async Task MarkSentAsync(long id, DateTimeOffset now)
        {
            if (_sent is null)
            {
                _sent = new NpgsqlCommand(SentSql, connection);
                _sent.Parameters.Add(new NpgsqlParameter<long>("id", NpgsqlDbType.Bigint));
                _sent.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", NpgsqlDbType.TimestampTz));
                await _sent.PrepareAsync(CancellationToken.None);
            }

            ((NpgsqlParameter<long>)_sent.Parameters[0]).TypedValue = id;
            ((NpgsqlParameter<DateTimeOffset>)_sent.Parameters[1]).TypedValue = now;
            await _sent.ExecuteNonQueryAsync(CancellationToken.None);
        }

        /// <summary>Counts the attempt; the row fails for good when permanent or out of attempts, else waits until <paramref name="next"/>.</summary>
        public async Task<DeliveryStatus> RecordFailureAsync(long id, string error, bool permanent, int maxAttempts, DateTimeOffset now, DateTimeOffset next)
        {
            await using var command = new NpgsqlCommand(FailedSql, connection);
            command.Parameters.Add(new NpgsqlParameter<long>("id", id));
            command.Parameters.Add(new NpgsqlParameter<string>("error", BriefingDelivery.TrimError(error)));
            command.Parameters.Add(new NpgsqlParameter<bool>("permanent", permanent));
            command.Parameters.Add(new NpgsqlParameter<int>("max", maxAttempts));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("next", next));
            var status = await command.ExecuteScalarAsync(CancellationToken.None);
            return status is int value ? (DeliveryStatus)value : DeliveryStatus.Pending;
        }

        /// <summary>Gives leased rows back untouched (no attempt was made), for another sender to take at once.</summary>
        public async Task ReleaseAsync(IEnumerable<long> ids)
        {
            var array = ids.ToArray();
            if (array.Length == 0)
            {
                return;
            }

            await using var command = new NpgsqlCommand(ReleaseSql, connection);
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", array));
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            if (_sent is not null)
            {
                await _sent.DisposeAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
