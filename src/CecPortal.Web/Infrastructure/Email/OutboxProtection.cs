using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// The bodies, calendar and unsubscribe address of a queued message as stored: <c>dp1:</c> and the text encrypted with
/// the Data Protection key ring (itself encrypted with the certificate outside Development). A message waits in the
/// outbox for as long as SMTP is down, and it may carry a password-reset, welcome or confirmation link: a copy of the
/// database alone must not hand those out. Every row is written protected (no database from before the baseline
/// starts), so a value without the prefix was put there around the portal and is refused, not sent.
/// </summary>
public sealed class OutboxProtection(IDataProtectionProvider provider)
{
    public const string Purpose = "CecPortal.Outbox.v1";

    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    [return: NotNullIfNotNull(nameof(text))]
    public string? Protect(string? text) => text is null ? null : Prefix + _protector.Protect(text);

    /// <summary>
    /// The text as written. A value that no longer decrypts (its key was lost or revoked) or was never protected throws
    /// <see cref="CryptographicException"/>: the delivery fails and records why, rather than sending an empty message
    /// or text that the portal did not write.
    /// </summary>
    [return: NotNullIfNotNull(nameof(stored))]
    public string? Unprotect(string? stored) => stored switch
    {
        null => null,
        _ when stored.StartsWith(Prefix, StringComparison.Ordinal) => _protector.Unprotect(stored[Prefix.Length..]),
        _ => throw new CryptographicException("The stored value is not protected by the outbox; it is not sent."),
    };
}
