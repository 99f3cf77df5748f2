using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// What one report in the bounce mailbox says: its identity (<see cref="Key"/>), the kind, the status and diagnostic,
/// the verified return-path token of the message it is about, and for a complaint the unsubscribe token the message
/// carried (which names the mailing to take the member off).
/// </summary>
public sealed record BounceReport(
    string Key,
    BounceKind Kind,
    BounceSource Source,
    ReturnToken? Token,
    string? StatusCode,
    string? Diagnostic,
    string? UnsubscribeToken = null);
