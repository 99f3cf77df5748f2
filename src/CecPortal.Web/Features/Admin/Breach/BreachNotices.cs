using CecPortal.Web.Infrastructure.Audit;
using Hangfire;

namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>Finds the people whose data a breach could affect, and records and sends a notice to them.</summary>
public sealed partial class BreachNotices(AppDbContext db, AuditLog audit, IBackgroundJobClient jobs, TimeProvider clock, ILogger<BreachNotices> logger)
{
    public const string SendAction = "breach-notice.send";

    /// <summary>As <see cref="SecurityEvents.UserSubject"/> builds it, spelled out so that EF Core can translate it.</summary>
    private const string UserSubjectPrefix = "user:";

    public sealed record AffectedPerson(string Id, string FullName, string? Email);

    public sealed record NoticeRow(Guid Id, string Subject, DateTimeOffset CreatedAt, string CreatedByName, BreachCriteria Criteria, int RecipientCount, int Queued, int Delivered, DateTimeOffset? QueuedAt);

    /// <summary>Every account (members and staff) holding data of the chosen kinds in the chosen period.</summary>
    public IQueryable<PortalUser> Affected(BreachCriteria criteria)
    {
        var start = criteria.Start;
        var end = criteria.End;
        var profile = criteria.Includes(BreachDataCategory.Profile);
        var applications = criteria.Includes(BreachDataCategory.Applications);
        var deliveries = criteria.Includes(BreachDataCategory.BriefingDeliveries);
        var registrations = criteria.Includes(BreachDataCategory.WebinarRegistrations);
        var signIns = criteria.Includes(BreachDataCategory.SignInHistory);
        return db.Users.Where(u =>
            (profile && (end == null || u.CreatedAt < end))
            || (applications && db.MembershipApplications.Any(a => a.MemberUserId == u.Id && (end == null || a.CreatedAt < end)))
            || (deliveries && db.BriefingDeliveries.Any(d => d.MemberId == u.Id && (start == null || d.CreatedAt >= start) && (end == null || d.CreatedAt < end)))
            || (registrations && db.WebinarRegistrations.Any(r => r.MemberId == u.Id && (start == null || r.RegisteredAt >= start) && (end == null || r.RegisteredAt < end)))
            || (signIns && db.AuditEntries.Any(e => (e.ActorId == u.Id || e.Subject == UserSubjectPrefix + u.Id) && (start == null || e.At >= start) && (end == null || e.At < end))));
    }

    public Task<int> CountAffectedAsync(BreachCriteria criteria, CancellationToken cancellationToken) =>
        Affected(criteria).CountAsync(cancellationToken);

    public Task<PageOf<AffectedPerson>> AffectedAsync(BreachCriteria criteria, int pageNumber, int pageSize, CancellationToken cancellationToken) =>
        Affected(criteria).AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new AffectedPerson(u.Id, u.FullName, u.Email))
            .ToPageAsync(pageNumber, pageSize, cancellationToken);

    /// <summary>
    /// Records the notice and its recipients (fixed now, as the Admin saw them), audits it in the same save, and
    /// hands the notice id to <see cref="SendBreachNoticeJob"/>.
    /// </summary>
    public async Task<BreachNotice> SendAsync(BreachCriteria criteria, string subject, string bodyMarkdown, Actor actor, CancellationToken cancellationToken)
    {
        BreachNotice notice;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var recipients = await Affected(criteria).Select(u => u.Id).ToListAsync(cancellationToken);
            notice = BreachNotice.Create(criteria, subject, bodyMarkdown, recipients.Count, actor.Id, actor.Name, clock.GetUtcNow());
            db.BreachNotices.Add(notice);
            db.BreachNoticeRecipients.AddRange(recipients.Select(id => new BreachNoticeRecipient { NoticeId = notice.Id, UserId = id }));
            audit.Record(actor, SendAction, $"breach-notice:{notice.Id}",
                $"\"{notice.Subject}\" to {recipients.Count} people; data: {criteria.DescribeCategories()}; period: {criteria.DescribeWindow()}.");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        try
        {
            jobs.Enqueue<SendBreachNoticeJob>(job => job.RunAsync(notice.Id, CancellationToken.None));
        }
        catch (BackgroundJobClientException ex)
        {
            // Saved but not handed over (the database went away just after the commit): telling the Admin it failed
            // would be wrong, and sending it again would notify everyone twice. The sweep hands it over.
            LogNotEnqueued(logger, ex, notice.Id);
        }

        return notice;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Breach notice {NoticeId} was saved but its sending job could not be enqueued; the breach notice sweep will enqueue it.")]
    private static partial void LogNotEnqueued(ILogger logger, Exception exception, Guid noticeId);

    public async Task<IReadOnlyList<NoticeRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.BreachNotices.AsNoTracking()
            .OrderByDescending(n => n.CreatedAt)
            .Select(n => new
            {
                n.Id,
                n.Subject,
                n.CreatedAt,
                n.CreatedByName,
                n.Categories,
                n.WindowFrom,
                n.WindowTo,
                n.RecipientCount,
                n.QueuedAt,
                Queued = db.BreachNoticeRecipients.Count(r => r.NoticeId == n.Id && r.OutboundEmailId != null),

                // Sent outbox rows are deleted after Retention:SentEmails, and only sent ones: a missing row was delivered.
                Delivered = db.BreachNoticeRecipients.Count(r => r.NoticeId == n.Id && r.OutboundEmailId != null
                    && !db.OutboundEmails.Any(e => e.Id == r.OutboundEmailId && e.SentAt == null)),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(n => new NoticeRow(n.Id, n.Subject, n.CreatedAt, n.CreatedByName, new BreachCriteria(n.Categories, n.WindowFrom, n.WindowTo), n.RecipientCount, n.Queued, n.Delivered, n.QueuedAt))];
    }
}
