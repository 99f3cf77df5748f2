using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Briefings.Delivery;

public sealed class ArchivedDeliveryCountsConfiguration : IEntityTypeConfiguration<ArchivedDeliveryCounts>
{
    public void Configure(EntityTypeBuilder<ArchivedDeliveryCounts> builder)
    {
        builder.ToTable("briefing_delivery_archives");
        builder.HasKey(a => a.BriefingId);
        builder.HasOne<Briefing>().WithOne().HasForeignKey<ArchivedDeliveryCounts>(a => a.BriefingId).OnDelete(DeleteBehavior.Cascade);
    }
}
