using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Privacy;

public sealed class PrivacyNoticeConfiguration : IEntityTypeConfiguration<PrivacyNotice>
{
    public void Configure(EntityTypeBuilder<PrivacyNotice> builder)
    {
        builder.ToTable("privacy_notices");
        builder.HasKey(n => n.Version);
        builder.Property(n => n.Version).ValueGeneratedNever();
        builder.Property(n => n.Markdown).HasMaxLength(PrivacyNotice.MaxMarkdownLength);
        builder.Property(n => n.ChangeSummary).HasMaxLength(PrivacyNotice.MaxChangeSummaryLength);
        builder.Property(n => n.PublishedBy).HasMaxLength(200);

        // Every database starts with the notice shipped with the portal, so there is always a current version.
        builder.HasData(PrivacyNotice.Initial());
    }
}
