using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// Authenticator (TOTP) keys as stored: <c>dp1:</c> and the key encrypted with the Data Protection key ring under a
/// purpose of its own and the account's id, so a copy of the database (whose key ring is encrypted with the
/// certificate) cannot make codes, and a key copied onto another account does not decrypt. A value without the
/// prefix was not written by <see cref="PortalUserStore"/> (the baseline schema never held one), so it is no key.
/// </summary>
public sealed class AuthenticatorKeyProtection(IDataProtectionProvider provider, ILogger<AuthenticatorKeyProtection> logger)
{
    public const string Purpose = "CecPortal.AuthenticatorKey.v1";

    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string userId, string key) => Prefix + _protector.CreateProtector(userId).Protect(key);

    /// <summary>The base32 key, or null when there is none or it cannot be decrypted (the account then enrols again).</summary>
    public string? Unprotect(string userId, string? stored)
    {
        if (!IsProtected(stored))
        {
            return null;
        }

        try
        {
            return _protector.CreateProtector(userId).Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            logger.LogWarning("An authenticator key could not be decrypted: the Data Protection key that encrypted it is missing or revoked, or the key ring's certificate is not configured.");
            return null;
        }
    }

    private static bool IsProtected([NotNullWhen(true)] string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;
}
