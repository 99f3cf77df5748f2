using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Consultations;

public sealed class ConsultationAnswerConfiguration : IEntityTypeConfiguration<ConsultationAnswer>
{
    public void Configure(EntityTypeBuilder<ConsultationAnswer> builder)
    {
        // Ids are made by the entity, so a new row reached through its parent's collection is an insert.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.ToTable("consultation_answers");
        builder.Property(a => a.Text).HasMaxLength(ConsultationAnswer.MaxTextLength);
        builder.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();

        // A question is removed only from a draft consultation, which has no answers; restrict keeps it so.
        builder.HasOne<ConsultationQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
