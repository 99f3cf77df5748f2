using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// The token in a member's one-click unsubscribe link: the member id, encrypted and signed with the portal's
/// Data Protection key ring under a purpose of its own, so it cannot be forged, altered or used for anything else.
/// It does not expire: an old briefing's link must still work.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "CecPortal.Briefings.Unsubscribe.v1";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    /// <summary>A URL-safe token (base64url) carrying <paramref name="memberId"/>.</summary>
    public string Create(string memberId) => _protector.Protect(memberId);

    /// <summary>The member id in <paramref name="token"/>, or null when it was altered, forged or is not a token.</summary>
    public string? ReadMemberId(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var memberId = _protector.Unprotect(token);
            return string.IsNullOrEmpty(memberId) ? null : memberId;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
