using System.Security.Cryptography;

namespace CecPortal.Web.Features.Account;

/// <summary>
/// A password hash that belongs to no account, made once per process with the portal's hasher settings. Checking a
/// typed password against it when the email matches no account (or the account has no password yet) costs the same
/// PBKDF2 work as checking a real one, so the time of a sign-in does not tell whether the email has an account.
/// </summary>
public sealed class UnknownAccountPassword
{
    // PasswordHasher ignores the user; it only needs one to call.
    private static readonly PortalUser NoOne = new(new ProfileDetails("No one", null, null, null, null, HiddenFromDirectory: false), DateTimeOffset.UnixEpoch);

    private readonly PasswordHasher<PortalUser> _hasher;
    private readonly string _hash;

    public UnknownAccountPassword(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<PortalUser>(options);
        _hash = _hasher.HashPassword(NoOne, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
    }

    /// <summary>Does the work of a password check and always answers no.</summary>
    public bool Check(string password)
    {
        _ = _hasher.VerifyHashedPassword(NoOne, _hash, password ?? string.Empty);
        return false;
    }
}
