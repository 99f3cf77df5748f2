using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Data;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Vetter = "Vetter";
    public const string Editor = "Editor";
    public const string Member = "Member";

    public static readonly IReadOnlyList<string> All = [Admin, Vetter, Editor, Member];

    /// <summary>Roles that may enter the admin area.</summary>
    public static readonly IReadOnlyList<string> Staff = [Admin, Vetter, Editor];
}

public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Admin = nameof(Admin);

    /// <summary>Vetters and Admins: the membership vetting queue.</summary>
    public const string Vetting = nameof(Vetting);

    /// <summary>Editors and Admins: writing and scheduling the daily briefing.</summary>
    public const string Editorial = nameof(Editorial);

    /// <summary>Members and staff: everyone who may read community content.</summary>
    public const string Community = nameof(Community);
}

/// <summary>The four roles are reference data, seeded by migration with fixed ids.</summary>
public sealed class RoleSeedConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) => builder.HasData(
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a01", Roles.Admin),
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a02", Roles.Vetter),
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a03", Roles.Editor),
        Role("5f1d2c1e-0b8a-4a53-9a36-2b1f4c7e0a04", Roles.Member));

    private static IdentityRole Role(string id, string name) => new(name)
    {
        Id = id,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
