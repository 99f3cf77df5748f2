using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.DataProtection;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// The bodies, calendar and unsubscribe address of a queued message as stored: <c>dp1:</c> and the text encrypted with
/// the Data Protection key ring (itself encrypted with the certificate outside Development). A message waits in the
/// outbox for as long as SMTP is down, and it may carry a password-reset, welcome or confirmation link: a copy of the
/// database alone must not hand those out. A value without the prefix was written in the clear by an earlier version
/// and is still delivered as it is.
/// </summary>
public sealed class OutboxProtection(IDataProtectionProvider provider)
{
    public const string Purpose = "CecPortal.Outbox.v1";

    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    [return: NotNullIfNotNull(nameof(text))]
    public string? Protect(string? text) => text is null ? null : Prefix + _protector.Protect(text);

    /// <summary>
    /// The text as written. A value that no longer decrypts (its key was lost or revoked) throws
    /// <see cref="System.Security.Cryptography.CryptographicException"/>: the delivery fails and records why, rather
    /// than sending an empty message.
    /// </summary>
    [return: NotNullIfNotNull(nameof(stored))]
    public string? Unprotect(string? stored) =>
        stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;
}
