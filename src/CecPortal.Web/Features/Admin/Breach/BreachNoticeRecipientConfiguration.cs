using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Admin.Breach;

public sealed class BreachNoticeRecipientConfiguration : IEntityTypeConfiguration<BreachNoticeRecipient>
{
    public void Configure(EntityTypeBuilder<BreachNoticeRecipient> builder)
    {
        builder.ToTable("breach_notice_recipients");
        builder.Property(r => r.UserId).HasMaxLength(450);

        // Sending twice never reaches anyone twice.
        builder.HasIndex(r => new { r.NoticeId, r.UserId }).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
