using System.Linq.Expressions;
using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Infrastructure.Audit;
using Npgsql;

namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>
/// Raising, proposing, deciding and ending urgent alerts, and what the pages show of them. A confirmed alert's emails go
/// through the briefing's delivery ledger (<see cref="DeliveryLedger"/>, <see cref="BriefingDeliveryQueue"/>): one row per
/// reader who keeps urgent alerts on, chunk jobs enqueued at once with ids only. Every change is audited, ids only.
/// </summary>
public sealed class UrgentAlerts(
    AppDbContext db,
    ChannelAccess access,
    AlertRecipients recipients,
    DeliveryLedger ledger,
    BriefingDeliveryQueue queue,
    AuditLog audit,
    IOptions<UrgentAlertOptions> options,
    TimeProvider clock,
    ILogger<UrgentAlerts> logger)
{
    public const string ProposedAction = "sharing.alert-proposed";
    public const string RaisedAction = "sharing.alert-raised";
    public const string ConfirmedAction = "sharing.alert-confirmed";
    public const string DeclinedAction = "sharing.alert-declined";
    public const string EndedAction = "sharing.alert-ended";

    public static string AuditSubject(Guid alertId) => $"urgent-alert:{alertId}";

    /// <summary>A member asks the moderators to raise a message they may read. Returns the proposal's id.</summary>
    public async Task<Guid> ProposeAsync(Actor member, Guid messageId, string title, CancellationToken cancellationToken)
    {
        var message = await access.ReadableMessages(member.Id).SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken)
            ?? throw new SharingRuleException("There is no such message.");
        var now = clock.GetUtcNow();
        var limit = options.Value.AlertProposalsPerMemberPerHour;
        if (await db.UrgentAlerts.CountAsync(a => a.ProposedById == member.Id && a.CreatedAt > now.AddHours(-1), cancellationToken) >= limit)
        {
            throw new SharingRuleException($"You have proposed {limit} urgent alerts in the last hour. Try again later: your title is kept below.");
        }

        var alert = UrgentAlert.Propose(message, title, member.Id, now);
        db.UrgentAlerts.Add(alert);
        audit.Record(member, ProposedAction, AuditSubject(alert.Id), $"message:{messageId}");
        await SaveNewAsync(cancellationToken);
        return alert.Id;
    }

    /// <summary>Staff raise a message they may read to an active alert at once; it is emailed straight away.</summary>
    public async Task<Guid> RaiseAsync(Actor staff, Guid messageId, string title, CancellationToken cancellationToken)
    {
        var message = await access.ReadableMessages(staff.Id).SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken)
            ?? throw new SharingRuleException("There is no such message.");
        var now = clock.GetUtcNow();
        var alert = UrgentAlert.Raise(message, title, staff.Id, now, options.Value.AlertPinnedFor);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await RefuseOverChannelLimitAsync(alert.ChannelId, now, cancellationToken);
            db.UrgentAlerts.Add(alert);
            audit.Record(staff, RaisedAction, AuditSubject(alert.Id), $"message:{messageId}");
            await SaveNewAsync(cancellationToken);
            await FillAsync(alert, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await SendAsync(alert.Id, cancellationToken);
        return alert.Id;
    }

    /// <summary>A moderator confirms a proposal: it is pinned and emailed at once.</summary>
    public Task ConfirmAsync(Actor staff, Guid alertId, CancellationToken cancellationToken) =>
        DecideAsync(alertId, ConfirmedAction, staff, send: true, (alert, now) => alert.Confirm(staff.Id, now, options.Value.AlertPinnedFor), cancellationToken);

    public Task DeclineAsync(Actor staff, Guid alertId, CancellationToken cancellationToken) =>
        DecideAsync(alertId, DeclinedAction, staff, send: false, (alert, now) => alert.Decline(staff.Id, now), cancellationToken);

    /// <summary>Ends an active alert: it is no longer pinned. Emails not yet sent are withdrawn by the delivery source.</summary>
    public Task EndAsync(Actor staff, Guid alertId, CancellationToken cancellationToken) =>
        DecideAsync(alertId, EndedAction, staff, send: false, (alert, now) => alert.End(staff.Id, now), cancellationToken);

    /// <summary>
    /// The alerts pinned for <paramref name="userId"/>: active, not expired, on a message still shown, in a channel the
    /// member may read (<see cref="ChannelAccess"/>); only <paramref name="channelId"/>'s or <paramref name="channelSlug"/>'s
    /// when given. Newest first. A query, so that a page reads it with the rest of its data (a channel's page with its
    /// topics, by the channel's address).
    /// </summary>
    public static IQueryable<PinnedAlert> PinnedQuery(AppDbContext db, ChannelAccess access, DateTimeOffset now, string userId, Guid? channelId, string? channelSlug = null) =>
        PinnedIn(db, access.ReadableBy(userId), now, channelId, channelSlug);

    /// <summary>
    /// The alerts pinned in <paramref name="readable"/>, channels already narrowed to those the member may read (the home
    /// passes the ids it read by <see cref="ChannelAccess"/> a moment before).
    /// </summary>
    public static IQueryable<PinnedAlert> PinnedIn(AppDbContext db, IQueryable<Channel> readable, DateTimeOffset now, Guid? channelId = null, string? channelSlug = null) =>
        PinnedInOf(db, readable, now, channelId, channelSlug);

    /// <summary>
    /// <see cref="PinnedIn"/> as an expression that a compiled query inlines (LinqKit's <c>Invoke</c>, then <c>Expand</c>):
    /// the channels, the time, and the one channel by id or address, or null for all.
    /// </summary>
    public static readonly Expression<Func<AppDbContext, IQueryable<Channel>, DateTimeOffset, Guid?, string?, IQueryable<PinnedAlert>>> PinnedInRule =
        (db, readable, now, channelId, channelSlug) =>
            from a in db.UrgentAlerts.AsNoTracking()
            join c in readable on a.ChannelId equals c.Id
            join m in db.Messages on a.MessageId equals m.Id
            where a.Status == UrgentAlertStatus.Active && a.ExpiresAt > now && m.DeletedAt == null && m.HiddenAt == null
                && (channelId == null || a.ChannelId == channelId)
                && (channelSlug == null || c.Slug == channelSlug)
            orderby a.DecidedAt descending
            select new PinnedAlert(a.Id, a.Title, m.Tlp, m.Id, c.Slug, c.Name, a.DecidedAt!.Value);

    private static readonly Func<AppDbContext, IQueryable<Channel>, DateTimeOffset, Guid?, string?, IQueryable<PinnedAlert>> PinnedInOf = PinnedInRule.Compile();

    /// <summary>Open proposals (oldest first) and active alerts (newest first), with their emails' progress, for staff.</summary>
    public async Task<(List<AlertForStaff> Proposals, List<AlertForStaff> Active)> ForStaffAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await (from a in db.UrgentAlerts.AsNoTracking()
                          join c in db.Channels on a.ChannelId equals c.Id
                          join m in db.Messages on a.MessageId equals m.Id
                          where a.Status == UrgentAlertStatus.Proposed || (a.Status == UrgentAlertStatus.Active && a.ExpiresAt > now)
                          orderby a.CreatedAt
                          select new AlertForStaff(
                              a.Id, a.Title, a.Status, m.Tlp, m.Id, c.Name,
                              db.Users.Where(u => u.Id == a.ProposedById && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
                              a.CreatedAt, a.ExpiresAt,
                              m.DeletedAt == null && m.HiddenAt == null ? m.BodyHtml : string.Empty,
                              db.BriefingDeliveries.Count(d => d.UrgentAlertId == a.Id && d.Status == DeliveryStatus.Sent),
                              db.BriefingDeliveries.Count(d => d.UrgentAlertId == a.Id && d.Status == DeliveryStatus.Pending),
                              db.BriefingDeliveries.Count(d => d.UrgentAlertId == a.Id && d.Status == DeliveryStatus.Failed)))
                         .ToListAsync(cancellationToken);
        return ([.. rows.Where(r => r.Status == UrgentAlertStatus.Proposed)], [.. rows.Where(r => r.Status == UrgentAlertStatus.Active).Reverse()]);
    }

    private async Task DecideAsync(Guid alertId, string action, Actor staff, bool send, Action<UrgentAlert, DateTimeOffset> decide, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var alert = await db.UrgentAlerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken)
                ?? throw new SharingRuleException("There is no such alert.");
            if (send)
            {
                await RefuseOverChannelLimitAsync(alert.ChannelId, now, cancellationToken);
            }

            decide(alert, now);
            audit.Record(staff, action, AuditSubject(alert.Id), $"message:{alert.MessageId}");
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw new SharingRuleException("Another moderator changed this alert at the same moment. Look at it again.");
            }

            if (send)
            {
                await FillAsync(alert, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (send)
        {
            await SendAsync(alertId, cancellationToken);
        }
    }

    /// <summary>Counted in the database, so the limit holds across instances; a refused confirmation stays in the queue.</summary>
    private async Task RefuseOverChannelLimitAsync(Guid channelId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = options.Value.AlertsPerChannelPerHour;
        var since = now.AddHours(-1);
        var recent = await db.UrgentAlerts.CountAsync(
            a => a.ChannelId == channelId && (a.Status == UrgentAlertStatus.Active || a.Status == UrgentAlertStatus.Ended) && a.DecidedAt > since,
            cancellationToken);
        if (recent >= limit)
        {
            throw new SharingRuleException(
                $"This channel already had {limit} urgent alerts in the last hour. Nothing was sent; the proposal stays in the queue, try again later.");
        }
    }

    private async Task FillAsync(UrgentAlert alert, CancellationToken cancellationToken)
    {
        var members = await recipients.Of(alert.ChannelId).ToListAsync(cancellationToken);
        var rows = await ledger.FillAlertAsync(alert.Id, members, cancellationToken);
        logger.LogInformation("Urgent alert {AlertId}: {Rows} deliveries in the ledger.", alert.Id, rows);
    }

    private async Task SendAsync(Guid alertId, CancellationToken cancellationToken)
    {
        var chunks = await queue.EnqueueChunksAsync(DeliverySubject.UrgentAlert(alertId), cancellationToken);
        logger.LogInformation("Urgent alert {AlertId}: {Chunks} chunk job(s) enqueued.", alertId, chunks);
    }

    private async Task SaveNewAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new SharingRuleException("This message is already an urgent alert, or proposed as one.");
        }
    }
}
