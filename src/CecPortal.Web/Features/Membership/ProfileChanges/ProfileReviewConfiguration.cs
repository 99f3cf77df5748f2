using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.ProfileChanges;

public sealed class ProfileReviewConfiguration : IEntityTypeConfiguration<ProfileReview>
{
    public void Configure(EntityTypeBuilder<ProfileReview> builder)
    {
        builder.ToTable("profile_reviews");
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.OldOrganisation).HasMaxLength(ProfileDetails.MaxTextLength);
        builder.Property(r => r.NewOrganisation).HasMaxLength(ProfileDetails.MaxTextLength);
        builder.Property(r => r.OldCountryCode).HasMaxLength(2);
        builder.Property(r => r.NewCountryCode).HasMaxLength(2);
        builder.Property(r => r.OldSectorCode).HasMaxLength(64);
        builder.Property(r => r.NewSectorCode).HasMaxLength(64);
        builder.Property(r => r.OrganisationWebsite).HasMaxLength(ProfileReview.MaxWebsiteLength);
        builder.Property(r => r.DecidedById).HasMaxLength(450);
        builder.Property(r => r.DecidedByName).HasMaxLength(256);
        builder.Property(r => r.Note).HasMaxLength(ProfileReview.MaxNoteLength);
        builder.Property(r => r.RefusalReason).HasMaxLength(ProfileReview.MaxReasonLength);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.IsPending);
        builder.Ignore(r => r.OrganisationChanges);
        builder.Ignore(r => r.CountryChanges);
        builder.Ignore(r => r.SectorChanges);
        builder.OwnsMany(r => r.Flags, flags =>
        {
            flags.ToTable("profile_review_flags");
            flags.WithOwner().HasForeignKey("ReviewId");
            flags.Property<long>("Id");
            flags.HasKey("Id");
            flags.Property(f => f.Explanation).HasMaxLength(400);
        });

        // The member's own changes go with the account (erasure deletes them first; this covers a hard delete).
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);

        // At most one change waits per member: a second one replaces it in the same transaction.
        builder.HasIndex(r => r.UserId).IsUnique().HasFilter($"\"Status\" = {(int)ProfileReviewStatus.Pending}").HasDatabaseName("IX_profile_reviews_one_pending");
        builder.HasIndex(r => new { r.UserId, r.RequestedAt });
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.HasIndex(r => r.DecidedById);
    }
}
