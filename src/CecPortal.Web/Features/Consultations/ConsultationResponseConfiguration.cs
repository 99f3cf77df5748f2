using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Consultations;

public sealed class ConsultationResponseConfiguration : IEntityTypeConfiguration<ConsultationResponse>
{
    public void Configure(EntityTypeBuilder<ConsultationResponse> builder)
    {
        // Ids are made by the entity, so a new row reached through its parent's collection is an insert.
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.ToTable("consultation_responses");
        builder.Property(r => r.MemberId).HasMaxLength(450);
        builder.Property(r => r.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(r => r.SectorCode).HasMaxLength(64);
        builder.Ignore(r => r.IsSubmitted);

        // The country and sector are a snapshot taken at submission, not references: they outlive reference-data changes.

        // One answer set per member and consultation; erased members' sets (member id null) do not collide.
        builder.HasIndex(r => new { r.ConsultationId, r.MemberId }).IsUnique();
        builder.HasIndex(r => r.MemberId);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).HasField("_answers");
    }
}
