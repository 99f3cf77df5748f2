using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Deliverability;

public sealed class MailBounceConfiguration : IEntityTypeConfiguration<MailBounce>
{
    public void Configure(EntityTypeBuilder<MailBounce> builder)
    {
        builder.ToTable("mail_bounces");
        builder.Property(b => b.BounceKey).HasMaxLength(MailBounce.MaxKeyLength);
        builder.HasIndex(b => b.BounceKey).IsUnique();
        builder.Property(b => b.MemberId).HasMaxLength(450);
        builder.HasIndex(b => new { b.MemberId, b.ReceivedAt });
        builder.HasIndex(b => b.BriefingId).HasFilter("\"BriefingId\" IS NOT NULL");
        builder.HasIndex(b => b.ReceivedAt);
        builder.Property(b => b.StatusCode).HasMaxLength(MailBounce.MaxStatusLength);
        builder.Property(b => b.Diagnostic).HasMaxLength(MailBounce.MaxDiagnosticLength);
    }
}
