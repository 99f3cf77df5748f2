using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Notifications;

/// <summary>
/// One row per person: when they were last active in the portal (to the minute, overwritten, no history) and how far
/// the notification emails have taken them. The digest job only emails people who have been away for a while, at most
/// once per batch interval, and never twice about the same message: everything up to <see cref="NotifiedUpToSeq"/> has
/// been emailed or passed over.
/// </summary>
public sealed class SharingActivity
{
    private SharingActivity()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    /// <summary>The last signed-in page request, written at most once a minute; null when the job made the row first.</summary>
    public DateTimeOffset? LastActiveAt { get; private set; }

    /// <summary>Every message up to this sequence number has been in a digest, or was not for this person.</summary>
    public long NotifiedUpToSeq { get; private set; }

    /// <summary>When the last digest was queued, so that digests are at least a batch interval apart.</summary>
    public DateTimeOffset? LastEmailedAt { get; private set; }

    /// <summary>Whether a digest may go out at <paramref name="now"/>: away long enough, and the last one long enough ago.</summary>
    public bool MayBeEmailed(DateTimeOffset now, TimeSpan afterInactivity, TimeSpan batchInterval) =>
        (LastActiveAt is null || LastActiveAt <= now - afterInactivity) && (LastEmailedAt is null || LastEmailedAt <= now - batchInterval);

    /// <summary>A digest covering everything up to <paramref name="seq"/> was queued; the mark never moves back.</summary>
    public void RecordDigest(long seq, DateTimeOffset now)
    {
        NotifiedUpToSeq = Math.Max(NotifiedUpToSeq, seq);
        LastEmailedAt = now;
    }
}

public sealed class SharingActivityConfiguration : IEntityTypeConfiguration<SharingActivity>
{
    public void Configure(EntityTypeBuilder<SharingActivity> builder)
    {
        builder.ToTable("sharing_activity");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
