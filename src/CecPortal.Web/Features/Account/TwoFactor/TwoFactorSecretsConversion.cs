namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// Rewrites authenticator keys and recovery-code lists that an earlier version stored in the clear into their protected
/// forms, in one transaction at start-up (after the migrations). Each row is rewritten only if it still holds the value
/// read, so instances starting together convert it once, and a second run finds nothing to do.
/// </summary>
public sealed class TwoFactorSecretsConversion(AppDbContext db, AuthenticatorKeyProtection keys, ILogger<TwoFactorSecretsConversion> logger) : IDatabaseStartupStep
{
    Task IDatabaseStartupStep.RunAsync(CancellationToken cancellationToken) => ConvertAsync(cancellationToken);

    public async Task<int> ConvertAsync(CancellationToken cancellationToken = default)
    {
        var legacy = await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == PortalUserStore.InternalLoginProvider && t.Value != null && t.Value != string.Empty)
            .Where(t => (t.Name == PortalUserStore.AuthenticatorKeyTokenName && !t.Value!.StartsWith(AuthenticatorKeyProtection.Prefix))
                || (t.Name == PortalUserStore.RecoveryCodeTokenName && !t.Value!.StartsWith(RecoveryCodeHashes.Prefix)))
            .ToListAsync(cancellationToken);
        if (legacy.Count == 0)
        {
            return 0;
        }

        var converted = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var token in legacy)
        {
            var value = token.Name == PortalUserStore.AuthenticatorKeyTokenName
                ? keys.Protect(token.UserId, token.Value!)
                : RecoveryCodeHashes.Hash(token.UserId, token.Value!.Split(';'));
            converted += await db.UserTokens
                .Where(t => t.UserId == token.UserId && t.LoginProvider == token.LoginProvider && t.Name == token.Name && t.Value == token.Value)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Protected {Count} authenticator keys and recovery-code lists that were stored in the clear.", converted);
        return converted;
    }
}
