namespace CecPortal.Web.Features.PersonalData;

/// <summary>
/// The email address of a person erased after being removed for cause, kept only as a keyed hash so that a new
/// application from the same address can be flagged to vetters. Nothing else about the person is kept.
/// </summary>
public sealed class BlockedEmail
{
    private BlockedEmail()
    {
    }

    public long Id { get; private set; }

    /// <summary>HMAC-SHA256 (lower-case hex) of the normalised address, see <see cref="EmailBlocklist.Hash"/>.</summary>
    public string Hash { get; private set; } = string.Empty;

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>The pseudonym of the erasure in the audit log, so an Admin can find who decided it and why.</summary>
    public string ErasureReference { get; private set; } = string.Empty;

    public static BlockedEmail For(string hash, string erasureReference, DateTimeOffset now) =>
        new() { Hash = hash, ErasureReference = erasureReference, AddedAt = now };
}
