using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Admin.Breach;

public sealed class BreachNoticeConfiguration : IEntityTypeConfiguration<BreachNotice>
{
    public void Configure(EntityTypeBuilder<BreachNotice> builder)
    {
        builder.ToTable("breach_notices");
        builder.Property(n => n.Subject).HasMaxLength(BreachNotice.MaxSubjectLength);
        builder.Property(n => n.BodyMarkdown).HasMaxLength(BreachNotice.MaxBodyLength);
        builder.Property(n => n.CreatedById).HasMaxLength(450);
        builder.Property(n => n.CreatedByName).HasMaxLength(200);
        builder.Ignore(n => n.Criteria);
        builder.HasIndex(n => n.CreatedAt);
        builder.HasMany<BreachNoticeRecipient>().WithOne().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
