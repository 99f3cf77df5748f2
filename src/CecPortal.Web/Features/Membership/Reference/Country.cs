using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.Reference;

/// <summary>An ISO 3166-1 country; applicants from non-eligible countries may apply but are flagged.</summary>
public sealed class Country
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public bool IsEligible { get; set; }
}

public sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.ToTable("countries");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasData(CountryList.All.Select(c => new Country { Code = c.Code, Name = c.Name, IsEligible = CountryList.DefaultEligible.Contains(c.Code) }));
    }
}
