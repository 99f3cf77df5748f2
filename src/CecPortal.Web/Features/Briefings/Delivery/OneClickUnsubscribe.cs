using CecPortal.Web.Data;
using CecPortal.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>Turning the daily briefing email off from the one-click link (the profile's toggle turns it back on).</summary>
public sealed class OneClickUnsubscribe(AppDbContext db, UnsubscribeTokens tokens, AuditLog audit, TimeProvider clock)
{
    public const string UnsubscribeAction = "briefing.unsubscribe";

    /// <summary>The member id carried by a valid token for an existing account, or null.</summary>
    public async Task<string?> FindMemberAsync(string? token, CancellationToken cancellationToken)
    {
        var memberId = tokens.ReadMemberId(token);
        return memberId is not null && await db.Users.AnyAsync(u => u.Id == memberId, cancellationToken) ? memberId : null;
    }

    /// <summary>
    /// Sets <c>BriefingOptOutAt</c> unless it is already set; returns false for an invalid token. Idempotent: a
    /// second click changes nothing and writes no second audit entry. The audit entry names the member by id only.
    /// </summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (await FindMemberAsync(token, cancellationToken) is not { } memberId)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await db.Users
            .Where(u => u.Id == memberId && u.BriefingOptOutAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.BriefingOptOutAt, now), cancellationToken);
        if (changed == 1)
        {
            audit.Record(memberId, "Member (one-click unsubscribe)", UnsubscribeAction, $"user:{memberId}");
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
