using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Privacy;

public sealed class PrivacyAcceptanceConfiguration : IEntityTypeConfiguration<PrivacyAcceptance>
{
    public void Configure(EntityTypeBuilder<PrivacyAcceptance> builder)
    {
        builder.ToTable("privacy_acceptances");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => new { a.UserId, a.Version }).IsUnique();
        builder.HasIndex(a => a.Version);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PrivacyNotice>().WithMany().HasForeignKey(a => a.Version).OnDelete(DeleteBehavior.Restrict);
    }
}
