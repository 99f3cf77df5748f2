using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.Checks;

/// <summary>An automatic pre-check result shown to vetters; never a rejection by itself.</summary>
public sealed class ApplicationFlag
{
    public long Id { get; init; }

    public Guid ApplicationId { get; init; }

    public FlagKind Kind { get; init; }

    public required string Explanation { get; init; }
}

public sealed class ApplicationFlagConfiguration : IEntityTypeConfiguration<ApplicationFlag>
{
    public void Configure(EntityTypeBuilder<ApplicationFlag> builder)
    {
        builder.ToTable("application_flags");
        builder.Property(f => f.Explanation).HasMaxLength(400);
        builder.HasIndex(f => new { f.Kind, f.ApplicationId });
        builder.HasIndex(f => f.ApplicationId);
    }
}
