using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// Identity's Entity Framework store, except for the two secrets it keeps in <c>AspNetUserTokens</c>: the authenticator
/// key is stored encrypted (<see cref="AuthenticatorKeyProtection"/>) and recovery codes as hashes
/// (<see cref="RecoveryCodeHashes"/>), so a database dump does not let anyone pass the second sign-in step.
/// </summary>
public sealed class PortalUserStore(AppDbContext context, AuthenticatorKeyProtection keys, IdentityErrorDescriber describer)
    : UserStore<PortalUser, IdentityRole, AppDbContext>(context, describer)
{
    /// <summary>The names Identity's store gives these rows (private in <c>UserStoreBase</c>), kept so existing rows are found.</summary>
    public const string InternalLoginProvider = "[AspNetUserStore]";

    public const string AuthenticatorKeyTokenName = "AuthenticatorKey";

    public const string RecoveryCodeTokenName = "RecoveryCodes";

    public override Task SetAuthenticatorKeyAsync(PortalUser user, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SetTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, keys.Protect(user.Id, key), cancellationToken);
    }

    public override async Task<string?> GetAuthenticatorKeyAsync(PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return keys.Unprotect(user.Id, await GetTokenAsync(user, InternalLoginProvider, AuthenticatorKeyTokenName, cancellationToken));
    }

    public override Task ReplaceCodesAsync(PortalUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, RecoveryCodeHashes.Hash(user.Id, recoveryCodes), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(PortalUser user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var remaining = RecoveryCodeHashes.Redeem(user.Id, await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken), code);
        if (remaining is null)
        {
            return false;
        }

        await SetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, remaining, cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(PortalUser user, CancellationToken cancellationToken) =>
        RecoveryCodeHashes.Count(await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken));
}
