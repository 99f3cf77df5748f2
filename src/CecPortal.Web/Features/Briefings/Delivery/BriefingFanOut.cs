using System.Collections.Concurrent;
using CecPortal.Web.Features.Deliverability;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Observability;
using MimeKit;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// The ledger's sender loop, for every <see cref="DeliveryKind"/> (the morning briefing, urgent alerts), usable without
/// Hangfire (the benchmark calls <see cref="SendPendingAsync"/>): what to send comes from the kind's <see cref="IDeliverySource"/>;
/// runs up to <c>Briefings:SmtpConcurrency</c> senders, each with its own SMTP connection and its own connection to
/// the <see cref="DeliveryLedger"/>, leasing batches of rows and settling each row right after the server's reply.
/// Memory does not grow with the member count: rows come in batches.
/// </summary>
public sealed class BriefingFanOut(
    DeliveryLedger ledger,
    IEnumerable<IDeliverySource> sources,
    SmtpConnectionSlots slots,
    IOptions<EmailOptions> emailOptions,
    ReturnPath returnPath,
    AddressBounces bounces,
    IOptions<BriefingOptions> briefingOptions,
    TimeProvider clock,
    ILogger<BriefingFanOut> logger)
{
    /// <summary>The most rows one sender leases at a time; small enough that a lease outlives the batch.</summary>
    public const int MaxClaimBatch = 100;

    /// <summary>Below this many messages per connection, another connection is not worth opening.</summary>
    private const int MessagesPerExtraConnection = 20;

    private readonly BriefingOptions _options = briefingOptions.Value;

    /// <summary>Sends to every ready pending row of the briefing; the benchmark's entry point.</summary>
    public Task<FanOutResult> SendPendingAsync(Guid briefingId, CancellationToken cancellationToken) =>
        SendAsync(DeliverySubject.Briefing(briefingId), int.MaxValue, cancellationToken);

    /// <summary>Sends at most <c>Briefings:ChunkSize</c> messages of the briefing: one chunk job's share.</summary>
    public Task<FanOutResult> SendChunkAsync(Guid briefingId, CancellationToken cancellationToken) =>
        SendChunkAsync(DeliverySubject.Briefing(briefingId), cancellationToken);

    /// <summary>Sends at most <c>Briefings:ChunkSize</c> messages of the subject: one chunk job's share.</summary>
    public Task<FanOutResult> SendChunkAsync(DeliverySubject subject, CancellationToken cancellationToken) =>
        SendAsync(subject, _options.ChunkSize, cancellationToken);

    private async Task<FanOutResult> SendAsync(DeliverySubject subject, int maxMessages, CancellationToken cancellationToken)
    {
        var source = sources.Single(s => s.Kind == subject.Kind);
        if (await ledger.CountReadyAsync(subject, cancellationToken) == 0)
        {
            return FanOutResult.None;
        }

        // Rendered once for this pass; each message only gets its recipient's part.
        if (await source.PrepareAsync(subject.Id, cancellationToken) is not { } template)
        {
            return FanOutResult.None;
        }

        // Counted again: preparing may have settled rows of members who may no longer receive the subject.
        var ready = await ledger.CountReadyAsync(subject, cancellationToken);
        if (ready == 0)
        {
            return FanOutResult.None;
        }

        using var activity = PortalTelemetry.EmailSource.StartActivity($"{source.TelemetryKind} fan-out");
        activity?.SetTag("email.kind", source.TelemetryKind);
        activity?.SetTag("delivery.subject", subject.Id);
        var work = Math.Min(ready, maxMessages);
        var wanted = Math.Clamp((work + MessagesPerExtraConnection - 1) / MessagesPerExtraConnection, 1, _options.SmtpConcurrency);
        var held = await slots.AcquireAsync(wanted, cancellationToken);
        try
        {
            var quota = new Quota(maxMessages);
            var refusals = new ConcurrentBag<SmtpRefusal>();
            var claimSize = Math.Clamp((work + held - 1) / held, 1, MaxClaimBatch);
            var senders = Enumerable.Range(0, held)
                .Select(_ => Task.Run(() => RunSenderAsync(subject, source.TelemetryKind, template, quota, claimSize, refusals, cancellationToken), CancellationToken.None))
                .ToList();
            var results = await Task.WhenAll(senders);

            // After the senders, on this thread: the bounce rule uses the request's DbContext, which is not thread-safe.
            await bounces.RecordSmtpRefusalsAsync(refusals, CancellationToken.None);
            var total = new FanOutResult(results.Sum(r => r.Sent), results.Sum(r => r.Failed), results.Sum(r => r.Deferred), held);
            activity?.SetTag("email.sent", total.Sent);
            activity?.SetTag("email.failed", total.Failed + total.Deferred);
            logger.LogInformation(
                "{Kind} {SubjectId}: {Sent} sent, {Failed} failed, {Deferred} deferred over {Connections} connection(s).",
                subject.Kind, subject.Id, total.Sent, total.Failed, total.Deferred, total.Connections);
            return total;
        }
        finally
        {
            slots.Release(held);
        }
    }

    private async Task<FanOutResult> RunSenderAsync(DeliverySubject subject, string telemetryKind, IDeliveryTemplate template, Quota quota, int claimSize, ConcurrentBag<SmtpRefusal> refusals, CancellationToken cancellationToken)
    {
        int sent = 0, failed = 0, deferred = 0;
        await using var rows = await ledger.OpenSenderAsync(cancellationToken);
        await using var transport = EmailTransport.For(emailOptions.Value);
        while (quota.TryTake(claimSize, out var take))
        {
            var claimedAt = clock.GetUtcNow();
            var leaseUntil = claimedAt + _options.LeaseDuration;
            var batch = await rows.ClaimAsync(subject, take, claimedAt, leaseUntil, cancellationToken);
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
                    await rows.ReleaseAsync(batch.Skip(i).Select(r => r.Id));
                    quota.Return(batch.Count - i);
                    cancellationToken.ThrowIfCancellationRequested();
                    break;
                }

                var outcome = await DeliverAsync(row, template, telemetryKind, transport, rows, batch.Skip(i).Select(r => r.Id), refusals, cancellationToken);
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

    private async Task<DeliveryStatus> DeliverAsync(ClaimedDelivery row, IDeliveryTemplate template, string telemetryKind, EmailTransport transport, DeliveryLedger.SenderLedger rows, IEnumerable<long> unsent, ConcurrentBag<SmtpRefusal> refusals, CancellationToken cancellationToken)
    {
        if (row.IneligibleReason is { } reason)
        {
            return await RecordAsync(rows, row, DeliveryFailure.Permanent(reason));
        }

        if (!MailboxAddress.TryParse(row.Email, out var to))
        {
            return await RecordAsync(rows, row, DeliveryFailure.Permanent("Not sent: the email address cannot be parsed."));
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
                await rows.ReleaseAsync(unsent);
                throw;
            }
        }

        using var message = template.ToMime(new BriefingRecipient(row.MemberId, row.Email!, row.FullName), to);
        var envelopeSender = returnPath.Stamp(message, returnPath.ForDelivery(row.Id));
        try
        {
            // Not cancelled by a stopping server: the message in hand finishes and is marked (the SMTP client's
            // timeout bounds it), then the sender loop gives the rest of its batch back. Cancelling mid-DATA would
            // leave unknown whether the server took it, and the member could get it twice.
            await transport.SendAsync(message, envelopeSender, CancellationToken.None);
        }
        catch (Exception ex)
        {
            PortalTelemetry.RecordEmailFailed(telemetryKind);
            var failure = DeliveryFailure.Classify(ex);
            if (failure.ConnectionLost)
            {
                await transport.DisposeAsync();
            }

            if (failure.ReplyCode is { } code && failure.IsPermanent)
            {
                refusals.Add(new SmtpRefusal(row.Id, row.MemberId, code, failure.Error));
            }

            return await RecordAsync(rows, row, failure);
        }

        await rows.MarkSentAsync(row.Id, clock.GetUtcNow());
        PortalTelemetry.RecordEmailSent(telemetryKind);
        return DeliveryStatus.Sent;
    }

    private Task<DeliveryStatus> RecordAsync(DeliveryLedger.SenderLedger rows, ClaimedDelivery row, DeliveryFailure failure)
    {
        var now = clock.GetUtcNow();
        return rows.RecordFailureAsync(row.Id, failure.Error, failure.IsPermanent, _options.MaxAttempts, now, now + _options.BackoffAfter(row.Attempts + 1));
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
