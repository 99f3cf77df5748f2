using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.Vetting;

/// <summary>A sector a vetter is responsible for.</summary>
public sealed class VetterSector
{
    public required string UserId { get; init; }

    public required string SectorCode { get; init; }
}

public sealed class VetterSectorConfiguration : IEntityTypeConfiguration<VetterSector>
{
    public void Configure(EntityTypeBuilder<VetterSector> builder)
    {
        builder.ToTable("vetter_sectors");
        builder.HasKey(v => new { v.UserId, v.SectorCode });
        builder.Property(v => v.SectorCode).HasMaxLength(64);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Reference.Sector>().WithMany().HasForeignKey(v => v.SectorCode).OnDelete(DeleteBehavior.Cascade);
    }
}
