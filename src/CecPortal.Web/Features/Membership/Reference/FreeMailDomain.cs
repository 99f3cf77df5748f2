using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.Reference;

/// <summary>A free or consumer mail provider: applications from such addresses are flagged.</summary>
public sealed class FreeMailDomain
{
    public required string Domain { get; init; }
}

public sealed class FreeMailDomainConfiguration : IEntityTypeConfiguration<FreeMailDomain>
{
    public void Configure(EntityTypeBuilder<FreeMailDomain> builder)
    {
        builder.ToTable("free_mail_domains");
        builder.HasKey(d => d.Domain);
        builder.Property(d => d.Domain).HasMaxLength(253);
        builder.HasData(FreeMailDomainList.Domains.Select(d => new FreeMailDomain { Domain = d }));
    }
}
