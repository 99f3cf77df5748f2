namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// One bounce, complaint or SMTP refusal, mapped to the member and the message it is about. <see cref="BounceKey"/> is
/// unique (the bounce's Message-ID, or the ledger row / outbox email of a refusal), so reading a mailbox twice or a
/// crash between recording and moving the mail never counts one bounce twice.
/// </summary>
public sealed class MailBounce
{
    public const int MaxKeyLength = 200;
    public const int MaxStatusLength = 16;
    public const int MaxDiagnosticLength = 500;

    private MailBounce()
    {
    }

    public long Id { get; private set; }

    public string BounceKey { get; private set; } = string.Empty;

    public BounceKind Kind { get; private set; }

    public BounceSource Source { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The member the bounced message was for; null when the message could no longer be traced to one.</summary>
    public string? MemberId { get; private set; }

    /// <summary>The delivery ledger row (a briefing or urgent alert to one member), when the message came from the ledger.</summary>
    public long? DeliveryId { get; private set; }

    /// <summary>The briefing, kept beside the ledger row: the row's details are deleted earlier (retention), the bounce stays on the briefing's page.</summary>
    public Guid? BriefingId { get; private set; }

    public Guid? OutboundEmailId { get; private set; }

    /// <summary>The enhanced status code (<c>5.1.1</c>), the SMTP reply code (<c>550</c>), or the feedback type (<c>abuse</c>).</summary>
    public string? StatusCode { get; private set; }

    /// <summary>The receiving server's words (Diagnostic-Code or the SMTP reply), trimmed.</summary>
    public string? Diagnostic { get; private set; }

    public static MailBounce Record(string key, BounceKind kind, BounceSource source, DateTimeOffset receivedAt, BounceTarget target, string? statusCode, string? diagnostic) => new()
    {
        BounceKey = key.Length > MaxKeyLength ? key[..MaxKeyLength] : key,
        Kind = kind,
        Source = source,
        ReceivedAt = receivedAt,
        MemberId = target.MemberId,
        DeliveryId = target.DeliveryId,
        BriefingId = target.BriefingId,
        OutboundEmailId = target.OutboundEmailId,
        StatusCode = Trim(statusCode, MaxStatusLength),
        Diagnostic = Trim(diagnostic, MaxDiagnosticLength),
    };

    /// <summary>How staff read it: "5.1.1 hard bounce: 550 5.1.1 user unknown".</summary>
    public string Describe() => $"{StatusCode} {KindText(Kind)}{(string.IsNullOrEmpty(Diagnostic) ? string.Empty : ": " + Diagnostic)}".Trim();

    public static string KindText(BounceKind kind) => kind switch
    {
        BounceKind.Hard => "hard bounce",
        BounceKind.Soft => "soft bounce",
        _ => "spam complaint",
    };

    private static string? Trim(string? text, int max)
    {
        var value = text?.ReplaceLineEndings(" ").Trim();
        return string.IsNullOrEmpty(value) ? null : value.Length > max ? value[..max] : value;
    }
}
