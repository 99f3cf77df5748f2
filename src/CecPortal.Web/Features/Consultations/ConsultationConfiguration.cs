using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Consultations;

public sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("consultations");
        builder.Property(c => c.Title).HasMaxLength(Consultation.MaxTitleLength);
        builder.Property(c => c.Institution).HasMaxLength(Consultation.MaxInstitutionLength);
        builder.Property(c => c.Act).HasMaxLength(Consultation.MaxActLength);
        builder.Property(c => c.ContextMarkdown).HasMaxLength(Consultation.MaxMarkdownLength);
        builder.Property(c => c.PositionPaperMarkdown).HasMaxLength(Consultation.MaxMarkdownLength);
        builder.Property(c => c.InstitutionResponseMarkdown).HasMaxLength(Consultation.MaxMarkdownLength);
        builder.Property(c => c.CreatedById).HasMaxLength(450);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.IsEditable);
        builder.HasIndex(c => new { c.Status, c.Deadline });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Questions).HasField("_questions");
    }
}
