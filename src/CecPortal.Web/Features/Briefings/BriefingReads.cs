namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// Whether a member has opened the newest briefing on the portal, for the home's "read / unread": one date on the
/// account, never a row per reading, and nothing in the email (no tracking pixel).
/// </summary>
public sealed class BriefingReads(AppDbContext db)
{
    /// <summary>
    /// Records that <paramref name="userId"/> opened the edition of <paramref name="editionDate"/>: one conditional update
    /// that writes only when the date moves forward, so reading an edition again costs a read of one indexed row. A stale
    /// copy of the account saved by Identity right after could set the date back; that costs one "unread" too many, so
    /// the concurrency stamp is left alone (renewing it would fail that person's own profile save instead).
    /// </summary>
    public Task MarkReadAsync(string userId, DateOnly editionDate, CancellationToken cancellationToken) =>
        db.Users
            .Where(u => u.Id == userId && (u.BriefingLastReadOn == null || u.BriefingLastReadOn < editionDate))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.BriefingLastReadOn, editionDate), cancellationToken);
}
