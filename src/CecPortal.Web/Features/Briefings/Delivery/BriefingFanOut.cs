using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Observability;
using MimeKit;
using Npgsql;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>What one send pass did.</summary>
public sealed record FanOutResult(int Sent, int Failed, int Deferred, int Connections)
{
    public static readonly FanOutResult None = new(0, 0, 0, 0);

    public int Attempted => Sent + Failed + Deferred;
}

/// <summary>
/// The morning email's engine, usable without Hangfire (the benchmark calls <see cref="SendPendingAsync"/>):
/// fills the delivery ledger in one statement, then runs up to <c>Briefings:SmtpConcurrency</c> senders, each
/// with its own SMTP connection and database connection, leasing batches of ledger rows and settling each row
/// right after the server's reply. Memory does not grow with the member count: rows come in batches.
/// </summary>
public sealed class BriefingFanOut(
    AppDbContext db,
    BriefingEmail email,
    SmtpConnectionSlots slots,
    IOptions<EmailOptions> emailOptions,
    IOptions<BriefingOptions> briefingOptions,
    TimeProvider clock,
    ILogger<BriefingFanOut> logger)
{
    /// <summary>The most rows one sender leases at a time; small enough that a lease outlives the batch.</summary>
    public const int MaxClaimBatch = 100;

    /// <summary>Below this many messages per connection, another connection is not worth opening.</summary>
    private const int MessagesPerExtraConnection = 20;

    private readonly BriefingOptions _options = briefingOptions.Value;

    /// <summary>
    /// Adds a Pending row for every active member (role Member, email confirmed, not suspended, not opted out)
    /// that has none yet for this briefing, in one streaming statement. Returns the number of rows added.
    /// </summary>
    public Task<int> FillLedgerAsync(Guid briefingId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO briefing_deliveries ("BriefingId", "MemberId", "Status", "Attempts", "CreatedAt")
            SELECT {briefingId}, u."Id", 0, 0, {now}
            FROM "AspNetUsers" AS u
            WHERE u."EmailConfirmed" AND u."Email" IS NOT NULL AND u."SuspendedAt" IS NULL AND u."BriefingOptOutAt" IS NULL
              AND EXISTS (
                  SELECT 1 FROM "AspNetUserRoles" AS ur JOIN "AspNetRoles" AS r ON r."Id" = ur."RoleId"
                  WHERE ur."UserId" = u."Id" AND r."Name" = {Roles.Member})
            ORDER BY u."Id"
            ON CONFLICT ("BriefingId", "MemberId") DO NOTHING
            """,
            cancellationToken);
    }

    /// <summary>Pending rows that a sender could take now (not leased, not waiting for a back-off).</summary>
    public Task<int> CountReadyAsync(Guid briefingId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.BriefingDeliveries.Where(d => d.BriefingId == briefingId && d.Status == DeliveryStatus.Pending
                && (d.ClaimedUntil == null || d.ClaimedUntil < now)
                && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
            .CountAsync(cancellationToken);
    }

    /// <summary>The earliest back-off end among pending rows, for scheduling a follow-up.</summary>
    public Task<DateTimeOffset?> NextAttemptAtAsync(Guid briefingId, CancellationToken cancellationToken) =>
        db.BriefingDeliveries.Where(d => d.BriefingId == briefingId && d.Status == DeliveryStatus.Pending && d.NextAttemptAt != null)
            .MinAsync(d => d.NextAttemptAt, cancellationToken);

    /// <summary>Sends to every ready pending row of the briefing; the benchmark's entry point.</summary>
    public Task<FanOutResult> SendPendingAsync(Guid briefingId, CancellationToken cancellationToken) =>
        SendAsync(briefingId, int.MaxValue, cancellationToken);

    /// <summary>Sends at most <c>Briefings:ChunkSize</c> messages: one chunk job's share.</summary>
    public Task<FanOutResult> SendChunkAsync(Guid briefingId, CancellationToken cancellationToken) =>
        SendAsync(briefingId, _options.ChunkSize, cancellationToken);

    /// <summary>Marks the briefing Sent once no row is pending; the <c>xmin</c> token makes a second caller lose quietly.</summary>
    public async Task<bool> CompleteIfDoneAsync(Guid briefingId, CancellationToken cancellationToken)
    {
        if (await db.BriefingDeliveries.AnyAsync(d => d.BriefingId == briefingId && d.Status == DeliveryStatus.Pending, cancellationToken))
        {
            return false;
        }

        var briefing = await db.Briefings.SingleOrDefaultAsync(b => b.Id == briefingId, cancellationToken);
        if (briefing is not { Status: BriefingStatus.Published, SendStartedAt: not null })
        {
            return false;
        }

        briefing.MarkSent(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        logger.LogInformation("Briefing {BriefingId} is sent: no delivery is pending.", briefingId);
        return true;
    }

    private async Task<FanOutResult> SendAsync(Guid briefingId, int maxMessages, CancellationToken cancellationToken)
    {
        var briefing = await db.Briefings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == briefingId, cancellationToken);
        if (briefing is null || !briefing.IsReadable || briefing.SendStartedAt is null || !briefing.Tlp.MayBeEmailed())
        {
            return FanOutResult.None;
        }

        var ready = await CountReadyAsync(briefingId, cancellationToken);
        if (ready == 0)
        {
            return FanOutResult.None;
        }

        using var activity = PortalTelemetry.EmailSource.StartActivity("briefing fan-out");
        activity?.SetTag("email.kind", PortalTelemetry.EmailKind.Briefing);
        activity?.SetTag("briefing.id", briefingId);

        // Rendered once for this pass; each message only gets its recipient's name and unsubscribe link.
        var template = email.Render(briefing);
        var work = Math.Min(ready, maxMessages);
        var wanted = Math.Clamp((work + MessagesPerExtraConnection - 1) / MessagesPerExtraConnection, 1, _options.SmtpConcurrency);
        var held = await slots.AcquireAsync(wanted, cancellationToken);
        try
        {
            var quota = new Quota(maxMessages);
            var claimSize = Math.Clamp((work + held - 1) / held, 1, MaxClaimBatch);
            var connectionString = db.Database.GetConnectionString()!;
            var senders = Enumerable.Range(0, held)
                .Select(_ => Task.Run(() => RunSenderAsync(briefingId, template, quota, claimSize, connectionString, cancellationToken), CancellationToken.None))
                .ToList();
            var results = await Task.WhenAll(senders);
            var total = new FanOutResult(results.Sum(r => r.Sent), results.Sum(r => r.Failed), results.Sum(r => r.Deferred), held);
            activity?.SetTag("email.sent", total.Sent);
            activity?.SetTag("email.failed", total.Failed + total.Deferred);
            logger.LogInformation(
                "Briefing {BriefingId}: {Sent} sent, {Failed} failed, {Deferred} deferred over {Connections} connection(s).",
                briefingId, total.Sent, total.Failed, total.Deferred, total.Connections);
            return total;
        }
        finally
        {
            slots.Release(held);
        }
    }

    private async Task<FanOutResult> RunSenderAsync(Guid briefingId, BriefingEmailTemplate template, Quota quota, int claimSize, string connectionString, CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0, deferred = 0;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_options.DurableSentMarks)
        {
            // This sender's connection only; see BriefingOptions.DurableSentMarks for what it trades.
            await using var relaxed = new NpgsqlCommand("SET synchronous_commit = off", connection);
            await relaxed.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var ledger = new DeliveryLedger(connection);
        await using var transport = DeliveryTransport.For(emailOptions.Value);
        while (quota.TryTake(claimSize, out var take))
        {
            var claimedAt = clock.GetUtcNow();
            var leaseUntil = claimedAt + _options.LeaseDuration;
            var batch = await ledger.ClaimAsync(briefingId, take, claimedAt, leaseUntil, cancellationToken);
            quota.Return(take - batch.Count);
            if (batch.Count == 0)
            {
                break;
            }

            // Stop using a batch well before its lease ends: after that another sender may have taken the rows.
            var useUntil = leaseUntil - (_options.LeaseDuration / 5);
            for (var i = 0; i < batch.Count; i++)
            {
                var row = batch[i];
                if (cancellationToken.IsCancellationRequested || clock.GetUtcNow() >= useUntil)
                {
                    await ledger.ReleaseAsync(batch.Skip(i).Select(r => r.Id));
                    quota.Return(batch.Count - i);
                    cancellationToken.ThrowIfCancellationRequested();
                    break;
                }

                var outcome = await DeliverAsync(row, template, transport, ledger, batch.Skip(i).Select(r => r.Id), cancellationToken);
                switch (outcome)
                {
                    case DeliveryStatus.Sent:
                        sent++;
                        break;
                    case DeliveryStatus.Failed:
                        failed++;
                        break;
                    default:
                        deferred++;
                        break;
                }
            }
        }

        return new FanOutResult(sent, failed, deferred, 1);
    }

    private async Task<DeliveryStatus> DeliverAsync(ClaimedDelivery row, BriefingEmailTemplate template, DeliveryTransport transport, DeliveryLedger ledger, IEnumerable<long> unsent, CancellationToken cancellationToken)
    {
        if (row.IneligibleReason is { } reason)
        {
            return await RecordAsync(ledger, row, DeliveryFailure.Permanent(reason));
        }

        if (!MailboxAddress.TryParse(row.Email, out var to))
        {
            return await RecordAsync(ledger, row, DeliveryFailure.Permanent("Not sent: the email address cannot be parsed."));
        }

        to.Name = row.FullName;
        if (!transport.IsConnected)
        {
            try
            {
                await transport.ConnectAsync(cancellationToken);
            }
            catch
            {
                // Nothing was attempted: give the rows back and let the job's retry (or another server) try later.
                await ledger.ReleaseAsync(unsent);
                throw;
            }
        }

        using var message = template.ToMime(new BriefingRecipient(row.MemberId, row.Email!, row.FullName), to);
        try
        {
            // Not cancelled by a stopping server: the message in hand finishes and is marked (the SMTP client's
            // timeout bounds it), then the sender loop gives the rest of its batch back. Cancelling mid-DATA would
            // leave unknown whether the server took it, and the member could get it twice.
            await transport.SendAsync(message, CancellationToken.None);
        }
        catch (Exception ex)
        {
            PortalTelemetry.RecordEmailFailed(PortalTelemetry.EmailKind.Briefing);
            var failure = DeliveryFailure.Classify(ex);
            if (failure.ConnectionLost)
            {
                await transport.DisposeAsync();
            }

            return await RecordAsync(ledger, row, failure);
        }

        await ledger.MarkSentAsync(row.Id, clock.GetUtcNow());
        PortalTelemetry.RecordEmailSent(PortalTelemetry.EmailKind.Briefing);
        return DeliveryStatus.Sent;
    }

    private Task<DeliveryStatus> RecordAsync(DeliveryLedger ledger, ClaimedDelivery row, DeliveryFailure failure)
    {
        var now = clock.GetUtcNow();
        return ledger.RecordFailureAsync(row.Id, failure.Error, failure.IsPermanent, _options.MaxAttempts, now, now + _options.BackoffAfter(row.Attempts + 1));
    }

    /// <summary>How many more rows the senders of one pass may still take.</summary>
    private sealed class Quota(int limit)
    {
        private int _remaining = limit;

        public bool TryTake(int wanted, out int taken)
        {
            while (true)
            {
                var remaining = Volatile.Read(ref _remaining);
                if (remaining <= 0)
                {
                    taken = 0;
                    return false;
                }

                taken = Math.Min(wanted, remaining);
                if (Interlocked.CompareExchange(ref _remaining, remaining - taken, remaining) == remaining)
                {
                    return true;
                }
            }
        }

        public void Return(int count) => Interlocked.Add(ref _remaining, count);
    }
}

/// <summary>
/// The process-wide cap on SMTP connections for the fan-out (<c>Briefings:SmtpConcurrency</c>), shared by every
/// chunk job this process runs, whatever Hangfire's worker count.
/// </summary>
public sealed class SmtpConnectionSlots(IOptions<BriefingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.SmtpConcurrency, options.Value.SmtpConcurrency);

    /// <summary>Waits for one slot, then takes up to <paramref name="wanted"/> in all without waiting.</summary>
    public async Task<int> AcquireAsync(int wanted, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var held = 1;
        while (held < wanted && _slots.Wait(0, CancellationToken.None))
        {
            held++;
        }

        return held;
    }

    public void Release(int count) => _slots.Release(count);

    public void Dispose() => _slots.Dispose();
}
