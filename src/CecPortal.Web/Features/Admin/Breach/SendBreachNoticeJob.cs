using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>
/// Queues one email per recipient of a breach notice, in batches. Each batch locks its recipient rows
/// (<c>FOR UPDATE SKIP LOCKED</c>) and marks them with their outbox id in the same commit, so running the job twice,
/// even at once, never emails anyone twice.
/// </summary>
public sealed class SendBreachNoticeJob(AppDbContext db, EmailOutbox outbox, MarkdownRenderer markdown, TimeProvider clock, ILogger<SendBreachNoticeJob> logger)
{
    public const int BatchSize = 200;

    public async Task<int> RunAsync(Guid noticeId, CancellationToken cancellationToken)
    {
        var notice = await db.BreachNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null)
        {
            return 0;
        }

        var html = markdown.Render(notice.BodyMarkdown);
        var queued = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Database.SqlQuery<long>($"""
                SELECT "Id" AS "Value" FROM breach_notice_recipients
                WHERE "NoticeId" = {noticeId} AND "QueuedAt" IS NULL
                ORDER BY "Id" LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var batch = await db.BreachNoticeRecipients
                .Where(r => ids.Contains(r.Id))
                .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { Recipient = r, u.FullName, u.Email })
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var item in batch)
            {
                // An account without an address (none today) is marked done rather than retried for ever.
                item.Recipient.OutboundEmailId = item.Email is null ? null : outbox.Add(Compose(item.Email, item.FullName, notice, html));
                item.Recipient.QueuedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            queued += batch.Count(i => i.Email is not null);
        }

        await db.BreachNotices.Where(n => n.Id == noticeId && n.QueuedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.QueuedAt, clock.GetUtcNow()), cancellationToken);
        logger.LogInformation("Breach notice {NoticeId}: {Count} emails queued.", noticeId, queued);
        return queued;
    }

    internal static EmailMessage Compose(string to, string fullName, BreachNotice notice, string bodyHtml)
    {
        const string why = "We send this notice under Article 34 of the GDPR because a personal data breach could affect your data held by the CISOs European Community portal.";
        var html = EmailShell.Document(
            notice.Subject,
            EmailShell.Header(notice.Subject)
            + EmailShell.Row($"<p style=\"margin:0 0 12px 0;\">Dear {EmailShell.Encode(fullName)},</p>{bodyHtml}")
            + EmailShell.Footer(EmailShell.SmallPrint(why)));
        var text = EmailShell.TextWithLinksOf(html, $"{notice.Subject}\n\nDear {fullName},\n\n{notice.BodyMarkdown}\n\n{EmailShell.SignatureDelimiter}{why}\n");
        return new EmailMessage(to, notice.Subject, html, text);
    }
}
