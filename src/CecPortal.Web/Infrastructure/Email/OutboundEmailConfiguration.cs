using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Infrastructure.Email;

public sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> builder)
    {
        builder.ToTable("outbound_emails");
        builder.Property(e => e.To).HasMaxLength(320);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.LastError).HasMaxLength(500);
        builder.Property(e => e.CalendarMethod).HasMaxLength(EmailCalendar.MaxMethodLength);
        // Holds the encrypted address: about 90 characters of overhead and a third more for base64, so an address of up
        // to some 600 characters fits (the portal's are a fifth of that).
        builder.Property(e => e.ListUnsubscribeUrl).HasMaxLength(EmailMessage.MaxListUnsubscribeUrlLength);
        builder.HasIndex(e => new { e.SentAt, e.CreatedAt });
    }
}
