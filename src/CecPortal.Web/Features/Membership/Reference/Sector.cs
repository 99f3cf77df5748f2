using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.Reference;

/// <summary>A sector of the NIS2 taxonomy (Directive (EU) 2022/2555), or "Other".</summary>
public sealed class Sector
{
    public const string OtherCode = "other";

    public required string Code { get; init; }

    public required string Name { get; set; }

    public Nis2Annex Annex { get; init; }

    public int SortOrder { get; init; }

    /// <summary>Applicants choosing this sector must describe their organisation's sector in a few words.</summary>
    public bool RequiresDescription => Code == OtherCode;

    internal static readonly IReadOnlyList<Sector> Nis2 =
    [
        new() { Code = "energy", Name = "Energy", Annex = Nis2Annex.HighCriticality, SortOrder = 1 },
        new() { Code = "transport", Name = "Transport", Annex = Nis2Annex.HighCriticality, SortOrder = 2 },
        new() { Code = "banking", Name = "Banking", Annex = Nis2Annex.HighCriticality, SortOrder = 3 },
        new() { Code = "financial-market-infrastructures", Name = "Financial market infrastructures", Annex = Nis2Annex.HighCriticality, SortOrder = 4 },
        new() { Code = "health", Name = "Health", Annex = Nis2Annex.HighCriticality, SortOrder = 5 },
        new() { Code = "drinking-water", Name = "Drinking water", Annex = Nis2Annex.HighCriticality, SortOrder = 6 },
        new() { Code = "waste-water", Name = "Waste water", Annex = Nis2Annex.HighCriticality, SortOrder = 7 },
        new() { Code = "digital-infrastructure", Name = "Digital infrastructure", Annex = Nis2Annex.HighCriticality, SortOrder = 8 },
        new() { Code = "ict-service-management", Name = "ICT service management (B2B)", Annex = Nis2Annex.HighCriticality, SortOrder = 9 },
        new() { Code = "public-administration", Name = "Public administration", Annex = Nis2Annex.HighCriticality, SortOrder = 10 },
        new() { Code = "space", Name = "Space", Annex = Nis2Annex.HighCriticality, SortOrder = 11 },
        new() { Code = "postal-courier", Name = "Postal and courier services", Annex = Nis2Annex.OtherCritical, SortOrder = 12 },
        new() { Code = "waste-management", Name = "Waste management", Annex = Nis2Annex.OtherCritical, SortOrder = 13 },
        new() { Code = "chemicals", Name = "Chemicals", Annex = Nis2Annex.OtherCritical, SortOrder = 14 },
        new() { Code = "food", Name = "Food", Annex = Nis2Annex.OtherCritical, SortOrder = 15 },
        new() { Code = "manufacturing", Name = "Manufacturing", Annex = Nis2Annex.OtherCritical, SortOrder = 16 },
        new() { Code = "digital-providers", Name = "Digital providers", Annex = Nis2Annex.OtherCritical, SortOrder = 17 },
        new() { Code = "research", Name = "Research", Annex = Nis2Annex.OtherCritical, SortOrder = 18 },
        new() { Code = OtherCode, Name = "Other (e.g. insurance, retail)", Annex = Nis2Annex.None, SortOrder = 99 },
    ];
}

public sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.ToTable("sectors");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Ignore(s => s.RequiresDescription);
        builder.HasData(Sector.Nis2);
    }
}
