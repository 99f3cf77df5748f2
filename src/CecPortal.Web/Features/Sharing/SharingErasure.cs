using CecPortal.Web.Features.Sharing.Alerts;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// The sharing space's part of erasing an account (GDPR Art. 17), run inside the erasure's transaction: the person's
/// messages keep their place in the threads as tombstones by a "former member" (author removed, text and earlier
/// versions deleted), their settings, reads, activity record, mentions and "seen it too" go, and their name is replaced in other members'
/// messages. Topic subjects they started stay: they name threads other members wrote in. Their reports stay for the
/// moderators without their id or note; the reports' copies of their messages lose the text as the messages do.
/// </summary>
public sealed class SharingErasure(AppDbContext db)
{
    public async Task EraseAsync(string userId, IReadOnlyList<string> names, string replacement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var own = db.Messages.Where(m => m.AuthorId == userId).Select(m => m.Id);

        // Reports: the copies of the person's messages go as their text does; their own reports stay for the moderators,
        // without who made them or the note in their words; decisions they took as a moderator lose their name.
        await db.MessageReports.Where(r => own.Contains(r.MessageId)).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportedBody, string.Empty), cancellationToken);
        await db.MessageReports.Where(r => r.ReporterId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReporterId, (string?)null).SetProperty(r => r.Note, (string?)null), cancellationToken);
        await db.MessageReports.Where(r => r.ResolvedById == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedById, (string?)null), cancellationToken);
        await db.MessageRevisions.Where(r => own.Contains(r.MessageId)).ExecuteDeleteAsync(cancellationToken);
        await db.MessageMentions.Where(x => own.Contains(x.MessageId) || x.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Messages.Where(m => m.AuthorId == userId).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.AuthorId, (string?)null)
                .SetProperty(m => m.BodyMarkdown, string.Empty)
                .SetProperty(m => m.BodyHtml, string.Empty)
                .SetProperty(m => m.DeletedAt, m => m.DeletedAt ?? now),
            cancellationToken);
        await db.Messages.Where(m => m.HiddenById == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.HiddenById, (string?)null), cancellationToken);
        await db.MessageSightings.Where(x => x.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.TopicReads.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.SharingActivity.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ChannelSubscriptions.Where(x => x.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ChannelSubscriptions.Where(x => x.AddedById == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.AddedById, (string?)null), cancellationToken);
        await db.Topics.Where(t => t.StartedById == userId).ExecuteUpdateAsync(s => s.SetProperty(t => t.StartedById, (string?)null), cancellationToken);
        await db.Channels.Where(c => c.CreatedById == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedById, (string?)null), cancellationToken);

        // Urgent alerts: the person's undecided proposals go; on alerts they proposed, decided or ended, only the reference
        // goes (the alert was the community's). An alert on one of their messages stops showing with the tombstone.
        await db.UrgentAlerts.Where(a => a.ProposedById == userId && a.Status == UrgentAlertStatus.Proposed).ExecuteDeleteAsync(cancellationToken);
        await db.UrgentAlerts.Where(a => a.ProposedById == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ProposedById, (string?)null), cancellationToken);
        await db.UrgentAlerts.Where(a => a.DecidedById == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.DecidedById, (string?)null), cancellationToken);
        await db.UrgentAlerts.Where(a => a.EndedById == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.EndedById, (string?)null), cancellationToken);

        // Other members' messages that name the person (a mention, a greeting) lose the name; the rendering is redone by
        // replacement too, as the name appears there HTML-encoded exactly as typed in all but rare cases.
        foreach (var name in names)
        {
            await db.Messages.Where(m => m.BodyMarkdown.Contains(name))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.BodyMarkdown, m => m.BodyMarkdown.Replace(name, replacement)).SetProperty(m => m.BodyHtml, m => m.BodyHtml.Replace(name, replacement)), cancellationToken);
            await db.MessageRevisions.Where(r => r.BodyMarkdown.Contains(name))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.BodyMarkdown, r => r.BodyMarkdown.Replace(name, replacement)), cancellationToken);
            await db.UrgentAlerts.Where(a => a.Title.Contains(name))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, a => a.Title.Replace(name, replacement)), cancellationToken);
            await db.MessageReports.Where(r => r.ReportedBody.Contains(name))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportedBody, r => r.ReportedBody.Replace(name, replacement)), cancellationToken);
            await db.MessageReports.Where(r => r.Note != null && r.Note.Contains(name))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, r => r.Note!.Replace(name, replacement)), cancellationToken);
        }
    }
}
