using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.Vetting;

/// <summary>A country a vetter is responsible for.</summary>
public sealed class VetterCountry
{
    public required string UserId { get; init; }

    public required string CountryCode { get; init; }
}

public sealed class VetterCountryConfiguration : IEntityTypeConfiguration<VetterCountry>
{
    public void Configure(EntityTypeBuilder<VetterCountry> builder)
    {
        builder.ToTable("vetter_countries");
        builder.HasKey(v => new { v.UserId, v.CountryCode });
        builder.Property(v => v.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Reference.Country>().WithMany().HasForeignKey(v => v.CountryCode).OnDelete(DeleteBehavior.Cascade);
    }
}
