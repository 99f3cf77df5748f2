using System.Security.Cryptography;
using System.Text;

namespace CecPortal.Web.Features.PersonalData;

/// <summary>
/// Hashes addresses for the blocklist with HMAC-SHA256 under <c>Privacy:BlocklistKey</c> (base64, at least 32 bytes).
/// A plain SHA-256 of an email address is reversed by trying likely addresses (first.last@company), so a copy of the
/// database alone would reveal who was removed; with a key kept outside the database it reveals nothing. The key must
/// stay the same for the life of the blocklist (changing it silently empties the list). In Development a fixed
/// development key is used when none is configured; elsewhere, without a key, nobody can be blocklisted and the
/// check finds nothing.
/// </summary>
public sealed class EmailBlocklist
{
    public const string KeySetting = "Privacy:BlocklistKey";

    // Development only: it is in the source code, so it protects nothing; it keeps the demo's blocklist working across restarts.
    private static readonly byte[] DevelopmentKey = SHA256.HashData(Encoding.UTF8.GetBytes("CecPortal development blocklist key"));

    private readonly AppDbContext _db;
    private readonly byte[]? _key;

    public EmailBlocklist(AppDbContext db, IConfiguration configuration, IHostEnvironment environment)
    {
        _db = db;
        var configured = configuration[KeySetting];
        _key = !string.IsNullOrEmpty(configured) ? ParseKey(configured)
            : environment.IsDevelopment() ? DevelopmentKey
            : null;
    }

    public bool IsConfigured => _key is not null;

    /// <summary>The address trimmed and upper-cased (as Identity normalises it), hashed with the key; null without a key.</summary>
    public string? Hash(string email) => _key is null
        ? null
        : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    public async Task<bool> IsBlockedAsync(string email, CancellationToken cancellationToken) =>
        Hash(email) is { } hash && await _db.BlockedEmails.AnyAsync(b => b.Hash == hash, cancellationToken);

    /// <summary>Adds the address to the caller's unit of work (once); throws when no key is configured.</summary>
    public async Task AddAsync(string email, string erasureReference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = Hash(email) ?? throw new AccountRuleException(
            "The blocklist is not configured (Privacy__BlocklistKey), so nobody can be removed for cause. Erase without it, or ask for the key to be set.");
        if (!await _db.BlockedEmails.AnyAsync(b => b.Hash == hash, cancellationToken))
        {
            _db.BlockedEmails.Add(BlockedEmail.For(hash, erasureReference, now));
        }
    }

    private static byte[] ParseKey(string configured)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{KeySetting} must be base64-encoded.");
        }

        return key.Length >= 32 ? key : throw new InvalidOperationException($"{KeySetting} must be at least 32 bytes, base64-encoded.");
    }
}
