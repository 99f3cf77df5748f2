using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CecPortal.Web.Features.Account.TwoFactor;

/// <summary>RFC 6238 time-based one-time passwords as authenticator apps compute them: HMAC-SHA1, 30-second steps, 6 digits.</summary>
public static class Totp
{
    public static readonly TimeSpan StepLength = TimeSpan.FromSeconds(30);

    public const int Digits = 6;

    /// <summary>Steps accepted on either side of the current one, for clocks that drift or a code typed as it changes.</summary>
    public const int AllowedDrift = 1;

    /// <summary>The RFC 6238 counter T for an instant: whole 30-second steps since the Unix epoch.</summary>
    public static long TimeStep(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / (long)StepLength.TotalSeconds;

    /// <summary>The code for one time step (RFC 4226 dynamic truncation), as the number the app shows.</summary>
    public static int Code(ReadOnlySpan<byte> key, long timeStep)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6238 as every authenticator app implements it: HMAC-SHA1 is what the apps compute (and HMAC-SHA1 is not broken).
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFFFFFF;
        return binary % 1_000_000;
    }

    /// <summary>
    /// The time step whose code matches <paramref name="code"/> within the allowed drift around <paramref name="now"/>,
    /// or null. Compares in constant time per candidate so timing does not tell which step matched.
    /// </summary>
    public static long? MatchingTimeStep(ReadOnlySpan<byte> key, string code, DateTimeOffset now)
    {
        var normalized = Normalize(code);
        if (normalized is null)
        {
            return null;
        }

        var current = TimeStep(now);
        long? match = null;
        for (var step = current - AllowedDrift; step <= current + AllowedDrift; step++)
        {
            var expected = Code(key, step).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(normalized)))
            {
                match ??= step;
            }
        }

        return match;
    }

    /// <summary>Six digits, ignoring the spaces and dashes people type; null for anything else.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var digits = new string([.. code.Where(c => c is not (' ' or '-'))]);
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>Decodes an RFC 4648 Base32 key as Identity stores it (upper case, no padding); spaces and case are ignored.</summary>
    public static byte[] DecodeBase32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key)
        {
            if (c is ' ' or '=' or '-')
            {
                continue;
            }

            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The key is not Base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
