using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CecPortal.Testing;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), written independently of
/// the portal's code so tests check it against the standard rather than against itself.
/// </summary>
public static class TotpCodes
{
    public static long TimeStep(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / 30;

    public static string At(string base32Key, DateTimeOffset instant) => ForStep(base32Key, TimeStep(instant));

    public static string ForStep(string base32Key, long timeStep)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
#pragma warning disable CA5350 // HMAC-SHA1 is what RFC 6238 and the authenticator apps use.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0xF;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant()
            .Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
