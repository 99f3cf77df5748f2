using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.PersonalData;

public sealed class BlockedEmailConfiguration : IEntityTypeConfiguration<BlockedEmail>
{
    public void Configure(EntityTypeBuilder<BlockedEmail> builder)
    {
        builder.ToTable("blocked_emails");
        builder.Property(b => b.Id).UseIdentityAlwaysColumn();
        builder.Property(b => b.Hash).HasMaxLength(64).IsFixedLength();
        builder.Property(b => b.ErasureReference).HasMaxLength(64);
        builder.HasIndex(b => b.Hash).IsUnique();
    }
}
