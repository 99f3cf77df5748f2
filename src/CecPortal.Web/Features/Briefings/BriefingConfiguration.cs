using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Briefings;

public sealed class BriefingConfiguration : IEntityTypeConfiguration<Briefing>
{
    /// <summary>The search document; <c>jsonb_to_tsvector</c> indexes the string values of the vulnerability entries.</summary>
    public const string SearchVectorSql =
        "setweight(to_tsvector('english'::regconfig, \"Title\"), 'A') || " +
        "setweight(jsonb_to_tsvector('english'::regconfig, \"Vulnerabilities\", '[\"string\"]'), 'A') || " +
        "setweight(to_tsvector('english'::regconfig, \"BodyMarkdown\"), 'B')";

    public void Configure(EntityTypeBuilder<Briefing> builder)
    {
        builder.ToTable("briefings");
        builder.HasIndex(b => b.EditionDate).IsUnique();
        builder.HasIndex(b => new { b.Status, b.EditionDate });
        builder.Property(b => b.Title).HasMaxLength(BriefingLimits.Title);
        builder.Property(b => b.BodyMarkdown).HasMaxLength(BriefingLimits.Body);
        builder.Property(b => b.CreatedById).HasMaxLength(450);
        builder.Property(b => b.UpdatedById).HasMaxLength(450);
        builder.Property(b => b.Version).IsRowVersion();
        builder.Ignore(b => b.IsReadable);
        builder.Property<List<VulnerabilityEntry>>("_vulnerabilities")
            .HasColumnName("Vulnerabilities")
            .HasColumnType("jsonb")
            .HasConversion(new VulnerabilityEntriesConverter(), new VulnerabilityEntriesComparer())
            .IsRequired();
        builder.Ignore(b => b.Vulnerabilities);
        builder.Property(b => b.SearchVector).HasComputedColumnSql(SearchVectorSql, stored: true);
        builder.HasIndex(b => b.SearchVector).HasMethod("GIN");
    }
}
