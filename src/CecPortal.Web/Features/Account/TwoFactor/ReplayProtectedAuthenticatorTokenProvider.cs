namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// Identity's authenticator provider, replaced (under its name, so sign-in and enrolment both use it) to make every
/// code usable once (OWASP ASVS 6.5.1): a code counts only if its time step is later than the last one used, claimed
/// with one conditional UPDATE so two requests racing with the same code cannot both win. Time comes from the portal's
/// <see cref="TimeProvider"/>, and only one step of drift either side is accepted (Identity allows two).
/// </summary>
public sealed class ReplayProtectedAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var step = Totp.MatchingTimeStep(Totp.DecodeBase32(key), token, clock.GetUtcNow());
        if (step is not { } matched)
        {
            return false;
        }

        // Atomic claim of the time step: the row lock makes a second request with the same code see the new value.
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < matched))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, matched));
        return claimed == 1;
    }
}
