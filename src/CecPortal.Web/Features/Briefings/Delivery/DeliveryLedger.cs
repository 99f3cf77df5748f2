using Npgsql;
using NpgsqlTypes;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>A ledger row a sender has leased, with the member's address as it is now (not as it was at 07:00).</summary>
internal sealed record ClaimedDelivery(long Id, string MemberId, int Attempts, string? Email, string FullName, bool EmailConfirmed, bool Suspended, bool OptedOut)
{
    /// <summary>Why the member may no longer receive the briefing, or null when they may.</summary>
    public string? IneligibleReason => (Email, EmailConfirmed, Suspended, OptedOut) switch
    {
        (_, _, _, true) => "Not sent: the member unsubscribed before delivery.",
        (_, _, true, _) => "Not sent: the membership was suspended before delivery.",
        (null or "", _, _, _) or (_, false, _, _) => "Not sent: the member has no confirmed email address.",
        _ => null,
    };
}

/// <summary>
/// The ledger statements of one sender, on its own connection: lease a batch, then settle each row on its own
/// right after the server's reply, so that a crash can repeat at most the one message in flight.
/// </summary>
internal sealed class DeliveryLedger(NpgsqlConnection connection) : IAsyncDisposable
{
    private const string ClaimSql = """
        WITH claimed AS (
            UPDATE briefing_deliveries SET "ClaimedUntil" = @until
            WHERE "Id" IN (
                SELECT "Id" FROM briefing_deliveries
                WHERE "BriefingId" = @briefing AND "Status" = 0
                  AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < @now)
                  AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= @now)
                ORDER BY "Id"
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id", "MemberId", "Attempts")
        SELECT c."Id", c."MemberId", c."Attempts", u."Email", u."FullName", u."EmailConfirmed",
               u."SuspendedAt" IS NOT NULL, u."BriefingOptOutAt" IS NOT NULL
        FROM claimed AS c JOIN "AspNetUsers" AS u ON u."Id" = c."MemberId"
        ORDER BY c."Id"
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

    private NpgsqlCommand? _sent;

    public async Task<List<ClaimedDelivery>> ClaimAsync(Guid briefingId, int limit, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimSql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid>("briefing", briefingId));
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
                reader.GetBoolean(7)));
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
    }
}
