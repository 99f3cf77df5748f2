using CecPortal.Web.Infrastructure.Audit;
using CecPortal.Web.Infrastructure.Email;
using Npgsql;

namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// The one rule for what a bounce does, whatever brought it (a report in the bounce mailbox, or the SMTP server's 5xx
/// reply while sending): record it once, then a hard bounce marks the address undeliverable at once, soft bounces
/// do past <c>Email:Bounces:SoftBounceThreshold</c> within <c>SoftBounceWindow</c>, and a spam complaint takes the
/// member off that mailing. A bounce of mail sent before the member last confirmed or changed the address marks
/// nothing (it was about the old state). Every change to a member is audited under the member's subject.
/// </summary>
public sealed class AddressBounces(AppDbContext db, AuditLog audit, UnsubscribeTokens unsubscribeTokens, IOptions<BounceMailboxOptions> options, TimeProvider clock) : IAddressProblems
{
    public const string MarkedAction = "member.address-undeliverable";
    public const string ConfirmedAction = "member.address-confirmed";
    public const string ComplaintAction = "member.spam-complaint";

    /// <summary>The actor name of changes made by bounce processing (no person did them).</summary>
    public const string ProcessingActor = "Bounce processing";

    private BounceMailboxOptions Options => options.Value;

    /// <summary>Records a report read from the bounce mailbox; a report already recorded changes nothing.</summary>
    public async Task<BounceOutcome> RecordAsync(BounceReport report, CancellationToken cancellationToken)
    {
        if (await db.MailBounces.AnyAsync(b => b.BounceKey == report.Key, cancellationToken))
        {
            return BounceOutcome.Duplicate;
        }

        var target = await TargetAsync(report.Token, cancellationToken);
        return await ApplyAsync(report.Key, report.Kind, report.Source, target, report.StatusCode, report.Diagnostic, report.UnsubscribeToken, cancellationToken);
    }

    /// <summary>The fan-out's 5xx replies, one per ledger row (a staff retry refused again is the same bounce).</summary>
    public async Task RecordSmtpRefusalsAsync(IEnumerable<SmtpRefusal> refusals, CancellationToken cancellationToken)
    {
        foreach (var refusal in refusals)
        {
            var key = $"smtp:d{refusal.DeliveryId}";
            if (await db.MailBounces.AnyAsync(b => b.BounceKey == key, cancellationToken))
            {
                continue;
            }

            var target = await TargetAsync(new ReturnToken(refusal.DeliveryId, null), cancellationToken);
            await ApplyAsync(key, BounceKind.Hard, BounceSource.SmtpRefusal, target, refusal.ReplyCode.ToString(CultureInfo.InvariantCulture), refusal.Error, null, cancellationToken);
        }
    }

    public async Task RecordRefusalAsync(Guid outboundEmailId, string address, int statusCode, string reply, CancellationToken cancellationToken)
    {
        var key = $"smtp:o{outboundEmailId:N}";
        if (await db.MailBounces.AnyAsync(b => b.BounceKey == key, cancellationToken))
        {
            return;
        }

        var target = await TargetAsync(new ReturnToken(null, outboundEmailId), cancellationToken);
        await ApplyAsync(key, BounceKind.Hard, BounceSource.SmtpRefusal, target, statusCode.ToString(CultureInfo.InvariantCulture), reply, null, cancellationToken);
    }

    public Task<bool> IsUndeliverableAsync(string address, CancellationToken cancellationToken)
    {
        var normalized = address.Trim().ToUpperInvariant();
        return db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.UndeliverableSince != null, cancellationToken);
    }

    /// <summary>The member says the address is right after all: mailings resume (audited).</summary>
    public async Task ConfirmAddressAsync(string userId, Actor actor, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var reason = user.UndeliverableReason;
        user.ConfirmAddress(clock.GetUtcNow());
        audit.Record(actor, ConfirmedAction, SecurityEvents.UserSubject(userId), $"Confirmed the address after: {reason}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The member and message a verified token names; unknown when the message is gone (retention) or was never ours.</summary>
    private async Task<BounceTarget> TargetAsync(ReturnToken? token, CancellationToken cancellationToken)
    {
        if (token?.DeliveryId is { } deliveryId)
        {
            var row = await db.BriefingDeliveries.AsNoTracking()
                .Where(d => d.Id == deliveryId)
                .Select(d => new { d.MemberId, d.BriefingId, d.SentAt, d.LastAttemptAt })
                .SingleOrDefaultAsync(cancellationToken);
            return row is null
                ? BounceTarget.Unknown with { DeliveryId = deliveryId }
                : new BounceTarget(row.MemberId, deliveryId, row.BriefingId, null, row.SentAt ?? row.LastAttemptAt);
        }

        if (token?.OutboundEmailId is { } emailId)
        {
            var email = await db.OutboundEmails.AsNoTracking()
                .Where(e => e.Id == emailId)
                .Select(e => new { e.To, e.SentAt, e.CreatedAt })
                .SingleOrDefaultAsync(cancellationToken);
            if (email is null)
            {
                return BounceTarget.Unknown with { OutboundEmailId = emailId };
            }

            var normalized = email.To.ToUpperInvariant();
            var memberId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            return new BounceTarget(memberId, null, null, emailId, email.SentAt ?? email.CreatedAt);
        }

        return BounceTarget.Unknown;
    }

    private async Task<BounceOutcome> ApplyAsync(string key, BounceKind kind, BounceSource source, BounceTarget target, string? statusCode, string? diagnostic, string? unsubscribeToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var bounce = MailBounce.Record(key, kind, source, now, target, statusCode, diagnostic);
        db.MailBounces.Add(bounce);
        var user = target.MemberId is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == target.MemberId && u.ErasedAt == null, cancellationToken);
        if (user is not null)
        {
            var current = user.AddressConfirmedAt is not { } confirmed || target.SentAt is not { } sent || sent >= confirmed;
            switch (kind)
            {
                case BounceKind.Hard when current:
                    Mark(user, bounce.Describe(), now);
                    break;
                case BounceKind.Soft when current:
                    await CountSoftBouncesAsync(user, bounce, now, cancellationToken);
                    break;
                case BounceKind.Complaint:
                    OptOut(user, target, unsubscribeToken, now);
                    break;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return user is null ? BounceOutcome.Unmapped : BounceOutcome.Recorded;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run recorded the same bounce first: nothing of this one may be saved later in the scope.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList())
            {
                entry.State = EntityState.Detached;
            }

            return BounceOutcome.Duplicate;
        }
    }

    private async Task CountSoftBouncesAsync(PortalUser user, MailBounce bounce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Options.SoftBounceWindow;
        if (user.AddressConfirmedAt is { } confirmed && confirmed > since)
        {
            since = confirmed;
        }

        // The one being recorded is not saved yet: it counts as one more.
        var earlier = await db.MailBounces.CountAsync(b => b.MemberId == user.Id && b.Kind == BounceKind.Soft && b.ReceivedAt > since, cancellationToken);
        if (earlier + 1 >= Options.SoftBounceThreshold)
        {
            Mark(user, $"{earlier + 1} soft bounces within {RetentionText(Options.SoftBounceWindow)}; the last: {bounce.Describe()}", now);
        }
    }

    private void Mark(PortalUser user, string reason, DateTimeOffset now)
    {
        if (user.IsUndeliverable)
        {
            return;
        }

        user.MarkUndeliverable(reason, now);
        audit.Record(null, ProcessingActor, MarkedAction, SecurityEvents.UserSubject(user.Id), user.UndeliverableReason);
    }

    /// <summary>Off the mailing the complaint is about: the list its unsubscribe link named, else the briefing for a briefing.</summary>
    private void OptOut(PortalUser user, BounceTarget target, string? unsubscribeToken, DateTimeOffset now)
    {
        var list = unsubscribeTokens.Read(unsubscribeToken) is { } request && request.MemberId == user.Id
            ? request.List
            : target.BriefingId is not null ? MailingList.DailyBriefing : (MailingList?)null;
        var note = "Spam complaint (feedback loop)";
        switch (list)
        {
            case MailingList.DailyBriefing:
                user.OptOutOfBriefing(now);
                note += ": opted out of the daily briefing.";
                break;
            case MailingList.WebinarAnnouncements:
                user.OptOutOfWebinarAnnouncements(now);
                note += ": opted out of webinar announcements.";
                break;
            case MailingList.Consultations:
                user.OptOutOfConsultationEmails(now);
                note += ": opted out of consultation emails.";
                break;
            default:
                note += " about a message that is not a mailing: no opt-out.";
                break;
        }

        audit.Record(null, ProcessingActor, ComplaintAction, SecurityEvents.UserSubject(user.Id), note);
    }

    private static string RetentionText(TimeSpan window) =>
        window.TotalDays >= 1 && window.TotalDays == Math.Floor(window.TotalDays) ? $"{window.TotalDays:0} day(s)" : window.ToString();
}
