using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Data;

/// <summary>A person who can sign in: a member CISO or a member of staff.</summary>
public sealed class PortalUser : IdentityUser
{
    public required string FullName { get; set; }

    public string? JobTitle { get; set; }

    public string? Organisation { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code of the country the person works in.</summary>
    public string? CountryCode { get; set; }

    /// <summary>NIS2 sector code of the person's organisation.</summary>
    public string? SectorCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set while an Admin has suspended the membership: no sign-in, no email.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    public string? SuspensionReason { get; set; }

    public bool IsSuspended => SuspendedAt is not null;
}

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.JobTitle).HasMaxLength(200);
        builder.Property(u => u.Organisation).HasMaxLength(200);
        builder.Property(u => u.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(u => u.SectorCode).HasMaxLength(64);
        builder.Property(u => u.SuspensionReason).HasMaxLength(500);
        builder.Ignore(u => u.IsSuspended);
        builder.HasIndex(u => new { u.CountryCode, u.SectorCode });
    }
}
