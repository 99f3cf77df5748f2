using CecPortal.Web.Infrastructure.Audit;

namespace CecPortal.Web.Features.Unsubscribe;

/// <summary>Turning a bulk email off from its one-click link (the profile's toggles turn it back on).</summary>
public sealed class OneClickUnsubscribe(AppDbContext db, UnsubscribeTokens tokens, AuditLog audit, TimeProvider clock)
{
    public const string UnsubscribeAction = "briefing.unsubscribe";
    public const string AnnouncementsUnsubscribeAction = "webinar-announcements.unsubscribe";
    public const string ConsultationsUnsubscribeAction = "consultation-emails.unsubscribe";

    /// <summary>The member and list of a valid token for an existing account, or null.</summary>
    public async Task<UnsubscribeRequest?> FindAsync(string? token, CancellationToken cancellationToken) =>
        tokens.Read(token) is { } request && await db.Users.AnyAsync(u => u.Id == request.MemberId, cancellationToken) ? request : null;

    /// <summary>
    /// Records the opt-out of the token's list unless it is already recorded; returns the list, or null for an invalid
    /// token. Idempotent: a second click changes nothing and writes no second audit entry. The audit entry names the
    /// member by id only.
    /// </summary>
    public async Task<MailingList?> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken) is not { } request)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var members = db.Users.Where(u => u.Id == request.MemberId);
        var changed = request.List switch
        {
            MailingList.WebinarAnnouncements => await members
                .Where(u => u.WebinarAnnouncementsOptOutAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.WebinarAnnouncementsOptOutAt, now), cancellationToken),
            MailingList.Consultations => await members
                .Where(u => u.ConsultationEmailsOptOutAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.ConsultationEmailsOptOutAt, now), cancellationToken),
            _ => await members
                .Where(u => u.BriefingOptOutAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.BriefingOptOutAt, now), cancellationToken),
        };
        if (changed == 1)
        {
            var action = request.List switch
            {
                MailingList.WebinarAnnouncements => AnnouncementsUnsubscribeAction,
                MailingList.Consultations => ConsultationsUnsubscribeAction,
                _ => UnsubscribeAction,
            };
            audit.Record(request.MemberId, "Member (one-click unsubscribe)", action, $"user:{request.MemberId}");
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return request.List;
    }
}
