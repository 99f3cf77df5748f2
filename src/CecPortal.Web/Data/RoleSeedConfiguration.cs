using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Data;

/// <summary>The roles are reference data, seeded by migration with fixed ids.</summary>
public sealed class RoleSeedConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) => builder.HasData(
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a01", Roles.Admin),
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a02", Roles.Vetter),
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a03", Roles.Editor),
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a04", Roles.Member),
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a05", Roles.Moderator),
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a06", Roles.Policy));

    private static IdentityRole Role(string id, string name) => new(name)
    {
        Id = id,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
