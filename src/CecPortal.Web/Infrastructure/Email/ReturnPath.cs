using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// VERP: each message's envelope sender is <c>local+token@domain</c> built from <c>Email:BounceAddress</c>, so a bounce
/// names the message it is about without anyone parsing free text. The token says what was sent (a delivery ledger row
/// or an outbox email) and is signed (HMAC-SHA256 with <c>Email:BounceSigningKey</c>, truncated to 64 bits): a forged
/// bounce cannot mark someone else's address undeliverable. Lower-case letters, digits and one hyphen only, because
/// some mail servers lower-case the local part.
/// </summary>
public sealed class ReturnPath
{
    /// <summary>The header that carries the token inside the message too: feedback reports quote the message, not its envelope.</summary>
    public const string TokenHeader = "X-CEC-Bounce";

    private const int MacHexLength = 16;

    private readonly string? _local;
    private readonly string? _domain;
    private readonly byte[] _key;

    public ReturnPath(IOptions<EmailOptions> options)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BounceAddress))
        {
            _key = [];
            return;
        }

        var at = settings.BounceAddress.LastIndexOf('@');
        _local = settings.BounceAddress[..at].Trim();
        _domain = settings.BounceAddress[(at + 1)..].Trim();
        _key = Convert.FromBase64String(settings.BounceSigningKey!);
    }

    /// <summary>Whether <c>Email:BounceAddress</c> is set: without it messages keep the From address as envelope sender.</summary>
    [MemberNotNullWhen(true, nameof(_local), nameof(_domain))]
    public bool IsEnabled => _local is not null;

    /// <summary>The token of a delivery ledger row (the briefing or urgent alert to one member).</summary>
    public string? ForDelivery(long deliveryId) => IsEnabled ? Sign("d" + deliveryId.ToString(CultureInfo.InvariantCulture)) : null;

    /// <summary>The token of an outbox email.</summary>
    public string? ForOutboundEmail(Guid outboundEmailId) => IsEnabled ? Sign("o" + outboundEmailId.ToString("N")) : null;

    /// <summary>The envelope sender for <paramref name="token"/>, or null (then MailKit uses the From address).</summary>
    public MailboxAddress? Sender(string? token) => IsEnabled && token is not null ? new MailboxAddress(string.Empty, $"{_local}+{token}@{_domain}") : null;

    /// <summary>
    /// Gives the message its token header and returns the envelope sender to use, or null when VERP is off.
    /// </summary>
    public MailboxAddress? Stamp(MimeMessage message, string? token)
    {
        if (!IsEnabled || token is null)
        {
            return null;
        }

        message.Headers.Replace(TokenHeader, token);
        return Sender(token);
    }

    /// <summary>The token in an address such as <c>bounces+d42-…@cec.example</c>, when it is one of ours; else null.</summary>
    public ReturnToken? ReadAddress(string? address)
    {
        if (!IsEnabled || string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var trimmed = address.Trim().Trim('<', '>');
        var at = trimmed.LastIndexOf('@');
        var prefix = _local + "+";
        if (at < 0 || !string.Equals(trimmed[(at + 1)..], _domain, StringComparison.OrdinalIgnoreCase)
            || !trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Read(trimmed[prefix.Length..at]);
    }

    /// <summary>What a token names, when its signature holds; null for anything else.</summary>
    public ReturnToken? Read(string? token)
    {
        if (!IsEnabled || string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        token = token.Trim().ToLowerInvariant();
        var dash = token.LastIndexOf('-');
        if (dash < 2 || token.Length - dash - 1 != MacHexLength)
        {
            return null;
        }

        var payload = token[..dash];
        var expected = Encoding.ASCII.GetBytes(Mac(payload));
        var given = Encoding.ASCII.GetBytes(token[(dash + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return null;
        }

        return payload[0] switch
        {
            'd' when long.TryParse(payload.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => new ReturnToken(id, null),
            'o' when Guid.TryParseExact(payload[1..], "N", out var id) => new ReturnToken(null, id),
            _ => null,
        };
    }

    private string Sign(string payload) => $"{payload}-{Mac(payload)}";

    private string Mac(string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload)).AsSpan(0, MacHexLength / 2));
}

/// <summary>What a verified return-path token names: a delivery ledger row or an outbox email.</summary>
public sealed record ReturnToken(long? DeliveryId, Guid? OutboundEmailId);
