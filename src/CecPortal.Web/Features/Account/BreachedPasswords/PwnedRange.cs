using System.Security.Cryptography;
using System.Text;

namespace CecPortal.Web.Features.Account.BreachedPasswords;

/// <summary>
/// The k-anonymity range protocol: only the first five hex digits of the password's SHA-1 leave the portal; the API
/// answers every known hash with that prefix as <c>SUFFIX:COUNT</c> lines, and the match is made here. Padding lines
/// (count 0, sent when asked with <c>Add-Padding: true</c>) are not breaches.
/// </summary>
public static class PwnedRange
{
    public const int PrefixLength = 5;

    /// <summary>The upper-case hex SHA-1 of the password, split into the prefix sent and the suffix kept.</summary>
    public static (string Prefix, string Suffix) Split(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        // SHA-1 is what the range protocol is keyed by, not a protection of the password: nothing is stored.
#pragma warning disable CA5350
        var hex = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350
        return (hex[..PrefixLength], hex[PrefixLength..]);
    }

    /// <summary>How often <paramref name="suffix"/> was seen according to a range response; 0 when not listed.</summary>
    public static long Count(string rangeResponse, string suffix)
    {
        ArgumentNullException.ThrowIfNull(rangeResponse);
        ArgumentNullException.ThrowIfNull(suffix);
        foreach (var raw in rangeResponse.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            if (line[..colon].Trim().Equals(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return long.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
            }
        }

        return 0;
    }
}
