using System.Security.Cryptography;
using System.Text;

namespace CecPortal.Web.Infrastructure.Audit;

/// <summary>
/// Turns a typed identifier that matches no account (an email at a failed sign-in) into a keyed, one-way marker:
/// repeated attempts on the same name can be told apart from a spray across many, without storing what was typed.
/// The key comes from <c>Audit:PseudonymKey</c> (base64, at least 32 bytes); without it a random key lives as long
/// as the process, so markers then match only within one run.
/// </summary>
public sealed class AuditPseudonyms
{
    private readonly byte[] _key;

    public AuditPseudonyms(IConfiguration configuration)
    {
        var configured = configuration["Audit:PseudonymKey"];
        _key = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(configured);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException("Audit:PseudonymKey must be at least 32 bytes, base64-encoded.");
        }
    }

    /// <summary>"unknown-account:" and 16 hex digits of HMAC-SHA256 over the trimmed, upper-cased identifier.</summary>
    public string UnknownAccount(string typed)
    {
        var normalized = Encoding.UTF8.GetBytes(typed.Trim().ToUpperInvariant());
        var hash = HMACSHA256.HashData(_key, normalized);
        return $"unknown-account:{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }

    /// <summary>
    /// "erased-account:" and 16 random hex digits: what an erased person's audit entries keep instead of their id. It is
    /// random rather than derived from the id, so nobody (not even with a key) can link it back to the account, while
    /// the person's entries still read as one history.
    /// </summary>
    public static string ErasedAccount() => $"erased-account:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
}
