using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Consultations;

public sealed class ConsultationQuestionConfiguration : IEntityTypeConfiguration<ConsultationQuestion>
{
    public void Configure(EntityTypeBuilder<ConsultationQuestion> builder)
    {
        // Ids are made by the entity, so a new row reached through its parent's collection is an insert.
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.ToTable("consultation_questions");
        builder.Property(q => q.Prompt).HasMaxLength(ConsultationQuestion.MaxPromptLength);
        builder.Ignore(q => q.OptionCount);
        builder.HasIndex(q => new { q.ConsultationId, q.Position });
    }
}
