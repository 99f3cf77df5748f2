namespace CecPortal.Web.Features.Briefings;

/// <summary>A reader's own briefing settings: the daily email on or off, and the secret Atom feed token.</summary>
public sealed class BriefingSubscription(UserManager<PortalUser> users, AppDbContext db, TimeProvider clock)
{
    public async Task<SubscriptionSettings?> SettingsAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new SubscriptionSettings(u.BriefingOptOutAt == null, u.BriefingOptOutAt, u.FeedTokenHash != null, u.FeedTokenCreatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Turns the daily email on (also after a one-click unsubscribe) or off; false when the user is unknown.</summary>
    public async Task<bool> SetDailyEmailAsync(string userId, bool receive)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        if (receive == (user.BriefingOptOutAt is null))
        {
            return true;
        }

        if (receive)
        {
            user.OptInToBriefing();
        }
        else
        {
            user.OptOutOfBriefing(clock.GetUtcNow());
        }

        return (await users.UpdateAsync(user)).Succeeded;
    }

    /// <summary>Creates a new feed token, replacing (and so invalidating) any earlier one; returns the token, shown once.</summary>
    public async Task<string?> ReplaceFeedTokenAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var token = FeedToken.Generate();
        user.ReplaceFeedToken(FeedToken.Hash(token), clock.GetUtcNow());
        return (await users.UpdateAsync(user)).Succeeded ? token : null;
    }

    public async Task<bool> RevokeFeedTokenAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        user.RevokeFeedToken();
        return (await users.UpdateAsync(user)).Succeeded;
    }

    /// <summary>
    /// Whether <paramref name="token"/> opens the feed: a current token of an account that is not suspended and still
    /// holds the Member role or a staff role.
    /// </summary>
    public async Task<bool> FeedTokenIsValidAsync(string? token, CancellationToken cancellationToken)
    {
        if (!FeedToken.IsWellFormed(token))
        {
            return false;
        }

        var hash = FeedToken.Hash(token!);
        string[] readerRoles = [.. Roles.Staff, Roles.Member];
        return await db.Users.AsNoTracking().InGoodStanding()
            .Where(u => u.FeedTokenHash == hash)
            .AnyAsync(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && readerRoles.Contains(r.Name!))), cancellationToken);
    }
}
