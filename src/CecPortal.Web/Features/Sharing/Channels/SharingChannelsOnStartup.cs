namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>
/// Makes the channels that fill themselves from the profiles: the community channel, one per sector and one per
/// eligible country, each when it is missing (a sector added or a country made eligible later gets its channel on the
/// next start). Existing channels are left as staff set them. Several instances starting at once take turns through
/// an advisory lock.
/// </summary>
public sealed class SharingChannelsOnStartup(AppDbContext db, TimeProvider clock, ILogger<SharingChannelsOnStartup> logger) : IDatabaseStartupStep
{
    /// <summary>The transaction-level advisory lock key ("CECSHR").</summary>
    private const long AdvisoryLockKey = 0x434543534852;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        var now = clock.GetUtcNow();
        var added = 0;
        if (!await db.Channels.AnyAsync(c => c.Kind == ChannelKind.Community, cancellationToken))
        {
            db.Channels.Add(Channel.Community(now));
            added++;
        }

        var sectors = await db.Sectors
            .Where(s => !db.Channels.Any(c => c.SectorCode == s.Code))
            .Select(s => new { s.Code, s.Name })
            .ToListAsync(cancellationToken);
        var countries = await db.Countries
            .Where(c => c.IsEligible && !db.Channels.Any(ch => ch.CountryCode == c.Code))
            .Select(c => new { c.Code, c.Name })
            .ToListAsync(cancellationToken);
        var slugs = await db.Channels.Select(c => c.Slug).ToListAsync(cancellationToken);
        foreach (var channel in sectors.Select(s => Channel.ForSector(s.Code, s.Name, now)).Concat(countries.Select(c => Channel.ForCountry(c.Code, c.Name, now))))
        {
            // A staff channel that took the address first keeps it; this one waits for staff to resolve the clash.
            if (slugs.Contains(channel.Slug))
            {
                logger.LogWarning("Channel address {Slug} is taken; the {Kind} channel was not created.", channel.Slug, channel.Kind);
                continue;
            }

            db.Channels.Add(channel);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Sharing space: {Count} channels created.", added);
        }
    }
}
