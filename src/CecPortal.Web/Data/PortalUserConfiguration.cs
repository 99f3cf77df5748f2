using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Data;

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.JobTitle).HasMaxLength(200);
        builder.Property(u => u.Organisation).HasMaxLength(200);
        builder.Property(u => u.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(u => u.SectorCode).HasMaxLength(64);
        builder.Property(u => u.SuspensionReason).HasMaxLength(PortalUser.MaxReasonLength);
        builder.Ignore(u => u.IsSuspended);
        builder.Ignore(u => u.IsErased);

        builder.Ignore(u => u.Details);
        builder.HasIndex(u => new { u.CountryCode, u.SectorCode });
        builder.Property(u => u.FeedTokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(u => u.FeedTokenHash).IsUnique().HasFilter("\"FeedTokenHash\" IS NOT NULL");
        builder.Property(u => u.TimeZoneId).HasMaxLength(64);
        builder.Property(u => u.CalendarTokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(u => u.CalendarTokenHash).IsUnique().HasFilter("\"CalendarTokenHash\" IS NOT NULL");

        // Written only by the authenticator provider's conditional UPDATE. Identity's UserStore saves whole entities
        // (Context.Update), which would otherwise write back a stale step read before the claim and reopen a replay.
        builder.Property(u => u.LastTotpTimeStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        builder.Property(u => u.PendingEmail).HasMaxLength(256);

        // Re-attestation (issue 18)
        builder.Ignore(u => u.IsLapsed);
        builder.Ignore(u => u.IsAlumni);

        // Address deliverability (issue 18)
        builder.Property(u => u.UndeliverableReason).HasMaxLength(PortalUser.MaxUndeliverableReasonLength);
        builder.Ignore(u => u.IsUndeliverable);
        builder.HasIndex(u => u.UndeliverableSince).HasFilter("\"UndeliverableSince\" IS NOT NULL");
    }
}
