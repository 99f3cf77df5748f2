using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Briefings;

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Failed for good: a permanent (5xx) refusal, or transient failures until the attempts ran out.</summary>
    Failed = 2,
}

/// <summary>
/// The delivery ledger: one row per (briefing, member), inserted with <c>ON CONFLICT DO NOTHING</c> so that a
/// repeated fan-out never adds a second row. A chunk job leases pending rows (<see cref="ClaimedUntil"/>, taken
/// with <c>FOR UPDATE SKIP LOCKED</c>) and marks each one sent right after the server's 250 reply.
/// </summary>
public sealed class BriefingDelivery
{
    public const int MaxErrorLength = 500;

    public long Id { get; private set; }

    public Guid BriefingId { get; private set; }

    public string MemberId { get; private set; } = string.Empty;

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>Earliest time of the next attempt after a transient failure (back-off).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>While in the future, a chunk job owns the row; a crashed job's lease simply runs out.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public static string TrimError(string error) => error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
}

public sealed class BriefingDeliveryConfiguration : IEntityTypeConfiguration<BriefingDelivery>
{
    public void Configure(EntityTypeBuilder<BriefingDelivery> builder)
    {
        builder.ToTable("briefing_deliveries");
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
        builder.Property(d => d.MemberId).HasMaxLength(450);
        builder.Property(d => d.LastError).HasMaxLength(BriefingDelivery.MaxErrorLength);
        builder.HasIndex(d => new { d.BriefingId, d.MemberId }).IsUnique();

        // The chunk jobs' claim query: pending rows of one briefing in id order.
        builder.HasIndex(d => new { d.BriefingId, d.Id })
            .HasFilter("\"Status\" = 0")
            .HasDatabaseName("IX_briefing_deliveries_pending");
        builder.HasIndex(d => d.MemberId);
        builder.HasOne<Briefing>().WithMany().HasForeignKey(d => d.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
