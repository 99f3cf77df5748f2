using CecPortal.Web.Features.Membership.Applications;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Admin.Vetting;

/// <summary>
/// How many verified applications there are per country, sector and status: the vetting queue's totals, read as a sum
/// over at most a few hundred rows instead of a count over every open application in a vetter's scope. Written only by
/// the database (trigger <c>vetting_queue_count</c> on <c>membership_applications</c>, in the same transaction as the
/// change it counts), so it is never behind the queue; the portal only reads it. Unverified applications are left out.
/// </summary>
public sealed class VettingQueueCount
{
    public required string CountryCode { get; init; }

    public required string SectorCode { get; init; }

    public ApplicationStatus Status { get; init; }

    public int Count { get; init; }
}

public sealed class VettingQueueCountConfiguration : IEntityTypeConfiguration<VettingQueueCount>
{
    public void Configure(EntityTypeBuilder<VettingQueueCount> builder)
    {
        builder.ToTable("vetting_queue_counts");
        builder.HasKey(c => new { c.CountryCode, c.SectorCode, c.Status });
        builder.Property(c => c.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.SectorCode).HasMaxLength(64);
    }
}
