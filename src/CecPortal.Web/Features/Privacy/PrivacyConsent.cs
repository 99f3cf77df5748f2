using CecPortal.Web.Infrastructure.Audit;
using Microsoft.Extensions.Caching.Memory;

namespace CecPortal.Web.Features.Privacy;

/// <summary>The current privacy notice, who accepted which version, and publishing a new version.</summary>
public sealed class PrivacyConsent(AppDbContext db, AuditLog audit, TimeProvider clock, IMemoryCache cache, IOptions<PrivacyOptions> options)
{
    private static readonly object CurrentVersionKey = new();

    /// <summary>
    /// The current version and the newest one the person accepted, in one round trip (the consent gate's question on a
    /// cache miss): compiled, as it runs on every signed-in page whose memory has lapsed.
    /// </summary>
    private static readonly Func<AppDbContext, string, CancellationToken, Task<ConsentVersions>> VersionsQuery =
        EF.CompileAsyncQuery((AppDbContext db, string userId, CancellationToken _) => db.PrivacyNotices
            .OrderByDescending(n => n.Version)
            .Select(n => new ConsentVersions(n.Version, db.PrivacyAcceptances.Where(a => a.UserId == userId).Max(a => (int?)a.Version)))
            .First());

    private sealed record ConsentVersions(int Current, int? Accepted);

    public const string AcceptAction = "privacy.accept";
    public const string DeclineAction = "privacy.decline";
    public const string PublishAction = "privacy.publish";

    public sealed record NoticeView(int Version, DateTimeOffset PublishedAt, string Markdown, string? ChangeSummary, string? PublishedBy);

    public Task<NoticeView> CurrentAsync(CancellationToken cancellationToken = default) =>
        db.PrivacyNotices.AsNoTracking()
            .OrderByDescending(n => n.Version)
            .Select(n => new NoticeView(n.Version, n.PublishedAt, n.Markdown, n.ChangeSummary, n.PublishedBy))
            .FirstAsync(cancellationToken);

    public Task<int> CurrentVersionAsync(CancellationToken cancellationToken = default) =>
        db.PrivacyNotices.MaxAsync(n => n.Version, cancellationToken);

    public Task<List<NoticeView>> HistoryAsync(CancellationToken cancellationToken = default) =>
        db.PrivacyNotices.AsNoTracking()
            .OrderByDescending(n => n.Version)
            .Select(n => new NoticeView(n.Version, n.PublishedAt, n.Markdown, n.ChangeSummary, n.PublishedBy))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Whether the user accepted the current version. The consent gate asks on every signed-in page, so both numbers
    /// are remembered in memory (see <see cref="PrivacyOptions"/>): a person who has accepted costs no query, and a miss one.
    /// Only a positive answer is remembered, so an acceptance made on another instance counts at once.
    /// </summary>
    public async Task<bool> HasAcceptedCurrentAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CurrentVersionKey, out int current)
            && cache.TryGetValue(AcceptedKey(userId), out int remembered) && remembered >= current)
        {
            return true;
        }

        // A miss asks for both numbers at once (one round trip), and remembers both.
        var versions = await VersionsQuery(db, userId, cancellationToken);
        RememberCurrent(versions.Current);
        if (versions.Accepted is not { } version || version < versions.Current)
        {
            return false;
        }

        RememberAccepted(userId, version);
        return true;
    }

    /// <summary>
    /// Records that the user accepted <paramref name="version"/>, which must still be the current one (a notice
    /// published while they read the old one must be read too). Audited in the same save; accepting twice is harmless.
    /// </summary>
    public async Task AcceptAsync(Actor member, int version, CancellationToken cancellationToken = default)
    {
        var current = await CurrentVersionAsync(cancellationToken);
        if (version != current)
        {
            throw new PrivacyRuleException("The privacy notice has just changed. Please read the new version before accepting it.");
        }

        if (await db.PrivacyAcceptances.AnyAsync(a => a.UserId == member.Id && a.Version == version, cancellationToken))
        {
            return;
        }

        db.PrivacyAcceptances.Add(new PrivacyAcceptance { UserId = member.Id, Version = version, AcceptedAt = clock.GetUtcNow() });
        audit.Record(member, AcceptAction, SecurityEvents.UserSubject(member.Id), $"Privacy notice version {version} accepted.");
        await db.SaveChangesAsync(cancellationToken);
        RememberAccepted(member.Id, version);
    }

    /// <summary>Adds an acceptance to the caller's unit of work (new accounts whose consent was given elsewhere, e.g. on the application).</summary>
    public void RecordAcceptance(string userId, int version, DateTimeOffset acceptedAt) =>
        db.PrivacyAcceptances.Add(new PrivacyAcceptance { UserId = userId, Version = version, AcceptedAt = acceptedAt });

    public async Task DeclineAsync(Actor member, CancellationToken cancellationToken = default)
    {
        var current = await CurrentVersionAsync(cancellationToken);
        await audit.RecordNowAsync(member.Id, member.Name, DeclineAction, SecurityEvents.UserSubject(member.Id), $"Privacy notice version {current} not accepted; signed out.");
    }

    /// <summary>Publishes the next version; everyone signed in is asked to accept it at their next page.</summary>
    public async Task<int> PublishAsync(string markdown, string changeSummary, Actor actor, CancellationToken cancellationToken = default)
    {
        var notice = PrivacyNotice.Publish(await CurrentVersionAsync(cancellationToken), markdown, changeSummary, actor.Name, clock.GetUtcNow());
        db.PrivacyNotices.Add(notice);
        audit.Record(actor, PublishAction, $"privacy-notice:{notice.Version}", notice.ChangeSummary);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (!DatabaseOutage.IsTransient(ex))
        {
            // Two Admins published at once: the version number (the key) was taken.
            throw new PrivacyRuleException("Another version was published a moment ago. Review it before publishing yours.");
        }

        RememberCurrent(notice.Version);
        return notice.Version;
    }

    private static (string, string) AcceptedKey(string userId) => ("privacy-accepted", userId);

    private void RememberCurrent(int version)
    {
        if (options.Value.CurrentVersionCacheDuration > TimeSpan.Zero)
        {
            cache.Set(CurrentVersionKey, version, options.Value.CurrentVersionCacheDuration);
        }
    }

    private void RememberAccepted(string userId, int version)
    {
        if (options.Value.AcceptanceCacheDuration > TimeSpan.Zero)
        {
            cache.Set(AcceptedKey(userId), version, new MemoryCacheEntryOptions { SlidingExpiration = options.Value.AcceptanceCacheDuration });
        }
    }
}
