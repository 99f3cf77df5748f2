using CecPortal.Web.Features.Sharing.Channels;
using CecPortal.Web.Infrastructure.Audit;
using Npgsql;

namespace CecPortal.Web.Features.Sharing.Moderation;

/// <summary>
/// A member reports a message to the moderators. The member must be able to read it (through <see cref="ChannelAccess"/>,
/// as everywhere); what they may not read does not exist for them. The report keeps a copy of the text as reported.
/// </summary>
public sealed class MessageReporting(AppDbContext db, ChannelAccess access, AuditLog audit, TimeProvider clock)
{
    public const string ReportAction = "message.report";

    public static string Subject(Guid messageId) => $"message:{messageId}";

    /// <summary>The message for the report form, or null when the member may not read it.</summary>
    public Task<ReportableMessage?> FindAsync(string userId, Guid messageId, CancellationToken cancellationToken) =>
        (from m in access.ReadableMessages(userId)
         join t in db.Topics on m.TopicId equals t.Id
         join c in db.Channels on m.ChannelId equals c.Id
         where m.Id == messageId
         select new ReportableMessage(
             m.Id,
             t.Id,
             t.Subject,
             c.Name,
             db.Users.Where(u => u.Id == m.AuthorId && u.ErasedAt == null).Select(u => u.FullName).FirstOrDefault(),
             m.Tlp,
             m.CreatedAt,
             m.DeletedAt != null || m.HiddenAt != null ? string.Empty : m.BodyHtml,
             m.AuthorId == userId,
             m.DeletedAt != null || m.HiddenAt != null,
             db.MessageReports.Any(r => r.MessageId == m.Id && r.ReporterId == userId && r.ResolvedAt == null)))
        .AsNoTracking()
        .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Files the member's report; returns its id. A second open report of the same message is refused.</summary>
    public async Task<Guid> ReportAsync(Actor reporter, Guid messageId, ReportReason reason, string? note, CancellationToken cancellationToken)
    {
        var message = await access.ReadableMessages(reporter.Id).AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken)
            ?? throw new SharingRuleException("This conversation is not available to you.");
        if (await db.MessageReports.AnyAsync(r => r.MessageId == messageId && r.ReporterId == reporter.Id && r.ResolvedAt == null, cancellationToken))
        {
            throw AlreadyReported();
        }

        var report = MessageReport.File(message, reporter.Id, reason, note, clock.GetUtcNow());
        db.MessageReports.Add(report);
        audit.Record(reporter, ReportAction, Subject(messageId), $"report:{report.Id}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same member's report from another tab, saved between the check and this save.
            throw AlreadyReported();
        }

        return report.Id;
    }

    private static SharingRuleException AlreadyReported() =>
        new("You have already reported this message. A moderator will look at it; you need not report it again.");
}
