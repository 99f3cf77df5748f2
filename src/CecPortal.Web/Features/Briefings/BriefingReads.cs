using Microsoft.Extensions.Caching.Memory;

namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// Whether a member has opened the newest briefing on the portal, for the home's "read / unread": one date on the
/// account, never a row per reading, and nothing in the email (no tracking pixel).
/// </summary>
public sealed class BriefingReads(AppDbContext db, IMemoryCache cache)
{
    /// <summary>How long this instance remembers a member's mark, so that reading the same edition again costs no query.</summary>
    private static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Records that <paramref name="userId"/> opened the edition of <paramref name="editionDate"/>: one conditional update
    /// that writes only when the date moves forward, skipped when this instance already wrote that date (the edition page
    /// is the one members open from every email, and is otherwise answered from memory). A stale copy of the account
    /// saved by Identity right after could set the date back; that costs one "unread" too many, so the concurrency stamp
    /// is left alone (renewing it would fail that person's own profile save instead).
    /// </summary>
    public async Task MarkReadAsync(string userId, DateOnly editionDate, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(new ReadMark(userId), out DateOnly remembered) && remembered >= editionDate)
        {
            return;
        }

        await db.Users
            .Where(u => u.Id == userId && (u.BriefingLastReadOn == null || u.BriefingLastReadOn < editionDate))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.BriefingLastReadOn, editionDate), cancellationToken);
        cache.Set(new ReadMark(userId), editionDate, new MemoryCacheEntryOptions { SlidingExpiration = RememberedFor });
    }

    private sealed record ReadMark(string UserId);
}
