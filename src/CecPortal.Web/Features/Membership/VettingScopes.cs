using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership;

/// <summary>A country a vetter is responsible for.</summary>
public sealed class VetterCountry
{
    public required string UserId { get; init; }

    public required string CountryCode { get; init; }
}

/// <summary>A sector a vetter is responsible for.</summary>
public sealed class VetterSector
{
    public required string UserId { get; init; }

    public required string SectorCode { get; init; }
}

/// <summary>What a member of staff may vet: Admins everything, Vetters their countries and sectors.</summary>
public sealed record VettingScope(bool IsAdmin, IReadOnlySet<string> Countries, IReadOnlySet<string> Sectors)
{
    public bool Covers(string countryCode, string sectorCode) => IsAdmin || Countries.Contains(countryCode) || Sectors.Contains(sectorCode);

    public Reviewer AsReviewer(string userId, string name, string countryCode, string sectorCode) =>
        new(userId, name, IsAdmin || Countries.Contains(countryCode), IsAdmin || Sectors.Contains(sectorCode));
}

public sealed class VettingScopes(AppDbContext db)
{
    public async Task<VettingScope> ForAsync(string userId, bool isAdmin, CancellationToken cancellationToken)
    {
        if (isAdmin)
        {
            return new VettingScope(true, new HashSet<string>(), new HashSet<string>());
        }

        var countries = await db.VetterCountries.Where(v => v.UserId == userId).Select(v => v.CountryCode).ToListAsync(cancellationToken);
        var sectors = await db.VetterSectors.Where(v => v.UserId == userId).Select(v => v.SectorCode).ToListAsync(cancellationToken);
        return new VettingScope(false, countries.ToHashSet(), sectors.ToHashSet());
    }
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

public sealed class VetterSectorConfiguration : IEntityTypeConfiguration<VetterSector>
{
    public void Configure(EntityTypeBuilder<VetterSector> builder)
    {
        builder.ToTable("vetter_sectors");
        builder.HasKey(v => new { v.UserId, v.SectorCode });
        builder.Property(v => v.SectorCode).HasMaxLength(64);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Reference.Sector>().WithMany().HasForeignKey(v => v.SectorCode).OnDelete(DeleteBehavior.Cascade);
    }
}
