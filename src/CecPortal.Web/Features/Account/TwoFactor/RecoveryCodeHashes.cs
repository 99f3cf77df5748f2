using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>
/// Recovery codes as stored: <c>h1:&lt;iterations&gt;:&lt;salt&gt;:&lt;hash&gt;;&lt;hash&gt;…</c>, one PBKDF2-HMAC-SHA256 hash
/// per code under one random salt per list and the account's id, so a copy of the database does not hold codes that can
/// be typed in, a list copied onto another account matches nothing, and checking a typed code costs one derivation
/// whichever of the ten it is. A value without the prefix was not written by <see cref="PortalUserStore"/> (the
/// baseline schema never held one), so it holds no codes.
/// </summary>
public static class RecoveryCodeHashes
{
    public const string Prefix = "h1:";

    /// <summary>
    /// A code has about 47 bits of entropy and only replaces the second step (the password is still needed), so a
    /// moderate count suffices: a guess of a dumped hash costs as much as 20,000 HMACs, a redemption a few milliseconds.
    /// </summary>
    public const int Iterations = 20_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>The stored form of <paramref name="codes"/> (empty when there are none).</summary>
    public static string Hash(string userId, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Format(Iterations, salt, [.. codes.Select(code => Derive(userId, code, salt, Iterations))]);
    }

    public static int Count(string? stored) => IsHashed(stored) ? (Parse(stored)?.Hashes.Count ?? 0) : 0;

    /// <summary>The stored value without <paramref name="code"/> when it is one of the codes, else null.</summary>
    public static string? Redeem(string userId, string? stored, string code)
    {
        if (!IsHashed(stored) || string.IsNullOrWhiteSpace(code) || Parse(stored) is not { } list)
        {
            return null;
        }

        var index = MatchingIndex(list.Hashes, Derive(userId, code, list.Salt, list.Iterations));
        return index < 0 ? null : Format(list.Iterations, list.Salt, [.. list.Hashes.Where((_, i) => i != index)]);
    }

    /// <summary>Compares with every hash in constant time, so the time taken does not tell which one matched.</summary>
    private static int MatchingIndex(IReadOnlyList<byte[]> candidates, byte[] typed)
    {
        var match = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(candidates[i], typed) && match < 0)
            {
                match = i;
            }
        }

        return match;
    }

    /// <summary>Identity's codes are upper case with a hyphen (<c>ABCDE-FGHJK</c>); a code typed in lower case still counts.</summary>
    private static string Normalize(string code) => code.Trim().ToUpperInvariant();

    private static byte[] Derive(string userId, string code, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(code)), (byte[])[.. salt, .. Encoding.UTF8.GetBytes(userId)], iterations, HashAlgorithmName.SHA256, HashBytes);

    private static string Format(int iterations, byte[] salt, IReadOnlyList<byte[]> hashes) =>
        hashes.Count == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix}{iterations}:{Convert.ToBase64String(salt)}:{string.Join(';', hashes.Select(Convert.ToBase64String))}");

    private static HashedList? Parse(string stored)
    {
        var parts = stored[Prefix.Length..].Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return null;
        }

        try
        {
            return new HashedList(iterations, Convert.FromBase64String(parts[1]), [.. parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Convert.FromBase64String)]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsHashed([NotNullWhen(true)] string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    private sealed record HashedList(int Iterations, byte[] Salt, IReadOnlyList<byte[]> Hashes);
}
