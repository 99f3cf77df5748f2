namespace CecPortal.Web.Features.Deliverability;

/// <summary>A 5xx reply of the SMTP server to one ledger row's message, counted like a hard bounce. Ids and the reply only.</summary>
public sealed record SmtpRefusal(long DeliveryId, string MemberId, int ReplyCode, string Error);
