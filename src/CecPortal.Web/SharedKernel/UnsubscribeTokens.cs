using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CecPortal.Web.SharedKernel;

/// <summary>
/// The token in a member's one-click unsubscribe link: the member id and the mailing list, encrypted and signed with
/// the portal's Data Protection key ring under a purpose of its own, so it cannot be forged, altered, moved to another
/// list or used for anything else. It does not expire: an old email's link must still work.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider dataProtection)
{
    /// <summary>Kept from when only briefings had the link: tokens in emails already sent must still open.</summary>
    public const string Purpose = "CecPortal.Briefings.Unsubscribe.v1";

    /// <summary>The one-click page, followed by the token.</summary>
    public const string LinkPath = "/unsubscribe/";

    /// <summary>
    /// The payload prefix of every list but the daily briefing. Briefing tokens carry the bare member id, as they did
    /// before other lists existed, so links in briefings already sent keep working. Member ids never contain a colon.
    /// </summary>
    private const string WebinarAnnouncementsPrefix = "webinar-announcements:";

    private const string ConsultationsPrefix = "consultations:";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    /// <summary>A URL-safe token (base64url) carrying <paramref name="memberId"/> and <paramref name="list"/>.</summary>
    public string Create(string memberId, MailingList list = MailingList.DailyBriefing) => _protector.Protect(list switch
    {
        MailingList.DailyBriefing => memberId,
        MailingList.WebinarAnnouncements => WebinarAnnouncementsPrefix + memberId,
        MailingList.Consultations => ConsultationsPrefix + memberId,
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, "Unknown mailing list."),
    });

    /// <summary>The member and list in <paramref name="token"/>, or null when it was altered, forged or is not a token.</summary>
    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }

        var request = payload.StartsWith(WebinarAnnouncementsPrefix, StringComparison.Ordinal)
            ? new UnsubscribeRequest(payload[WebinarAnnouncementsPrefix.Length..], MailingList.WebinarAnnouncements)
            : payload.StartsWith(ConsultationsPrefix, StringComparison.Ordinal)
            ? new UnsubscribeRequest(payload[ConsultationsPrefix.Length..], MailingList.Consultations)
            : new UnsubscribeRequest(payload, MailingList.DailyBriefing);
        return request.MemberId.Length == 0 || request.MemberId.Contains(':', StringComparison.Ordinal) ? null : request;
    }

    /// <summary>The member id in a daily briefing <paramref name="token"/>, or null (also for another list's token).</summary>
    public string? ReadMemberId(string? token) => Read(token) is { List: MailingList.DailyBriefing } request ? request.MemberId : null;
}
