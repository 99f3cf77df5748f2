using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// A member's secret Atom feed token: 32 random bytes, base64url (43 characters). Only its SHA-256 (lowercase hex)
/// is stored, so a database dump does not let anyone read the feed.
/// </summary>
public static class FeedToken
{
    public const int ByteLength = 32;

    /// <summary>Base64url of 32 bytes, without padding.</summary>
    public const int TextLength = 43;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="text"/> has the shape of a token; anything else is refused before a lookup.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: TextLength } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
