using CecPortal.Web.Features.Membership.Reference;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Channels;

public sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.ToTable("channels", table =>
        {
            table.HasCheckConstraint("CK_channels_sector", $"(\"Kind\" = {(int)ChannelKind.Sector}) = (\"SectorCode\" IS NOT NULL)");
            table.HasCheckConstraint("CK_channels_country", $"(\"Kind\" = {(int)ChannelKind.Country}) = (\"CountryCode\" IS NOT NULL)");
            table.HasCheckConstraint("CK_channels_red", $"\"DefaultTlp\" <> {(int)TlpLabel.Red} OR \"Kind\" = {(int)ChannelKind.WorkingGroup}");
        });
        builder.Property(c => c.Slug).HasMaxLength(Channel.MaxSlugLength);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Channel.MaxNameLength);
        builder.Property(c => c.Description).HasMaxLength(Channel.MaxDescriptionLength);
        builder.Property(c => c.SectorCode).HasMaxLength(64);
        builder.Property(c => c.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(c => c.CreatedById).HasMaxLength(450);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.IsJoinable);
        builder.Ignore(c => c.MayBeLeft);

        // One channel per sector and per country, and one community channel.
        builder.HasIndex(c => c.SectorCode).IsUnique().HasFilter("\"SectorCode\" IS NOT NULL");
        builder.HasIndex(c => c.CountryCode).IsUnique().HasFilter("\"CountryCode\" IS NOT NULL");
        builder.HasIndex(c => c.Kind).IsUnique().HasFilter($"\"Kind\" = {(int)ChannelKind.Community}").HasDatabaseName("IX_channels_one_community");
        builder.HasOne<Sector>().WithMany().HasForeignKey(c => c.SectorCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Country>().WithMany().HasForeignKey(c => c.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
