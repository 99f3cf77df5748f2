using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Briefings;

public sealed class BriefingDeliveryConfiguration : IEntityTypeConfiguration<BriefingDelivery>
{
    public void Configure(EntityTypeBuilder<BriefingDelivery> builder)
    {
        builder.ToTable("briefing_deliveries");
        builder.Property(d => d.Id).UseIdentityAlwaysColumn();
        builder.Property(d => d.MemberId).HasMaxLength(450);
        builder.Property(d => d.LastError).HasMaxLength(BriefingDelivery.MaxErrorLength);
        builder.HasIndex(d => new { d.BriefingId, d.MemberId }).IsUnique();
        builder.HasIndex(d => new { d.UrgentAlertId, d.MemberId }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_briefing_deliveries_one_subject", "num_nonnulls(\"BriefingId\", \"UrgentAlertId\") = 1"));

        // The chunk jobs' claim query: pending rows of one subject in id order.
        builder.HasIndex(d => new { d.BriefingId, d.Id })
            .HasFilter("\"Status\" = 0")
            .HasDatabaseName("IX_briefing_deliveries_pending");
        builder.HasIndex(d => new { d.UrgentAlertId, d.Id })
            .HasFilter("\"Status\" = 0")
            .HasDatabaseName("IX_briefing_deliveries_pending_alerts");
        builder.HasIndex(d => d.MemberId);
        builder.HasOne<Briefing>().WithMany().HasForeignKey(d => d.BriefingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
