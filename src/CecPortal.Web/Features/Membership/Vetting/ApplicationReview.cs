using CecPortal.Web.Features.Membership.Applications;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.Vetting;

/// <summary>A vetter's verdict in one round, with what their scope covered when they gave it.</summary>
public sealed class ApplicationReview
{
    public long Id { get; init; }

    public Guid ApplicationId { get; init; }

    public int Round { get; init; }

    public required string ReviewerId { get; init; }

    public required string ReviewerName { get; init; }

    public ReviewVerdict Verdict { get; init; }

    public bool CoversCountry { get; init; }

    public bool CoversSector { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset At { get; init; }
}

public sealed class ApplicationReviewConfiguration : IEntityTypeConfiguration<ApplicationReview>
{
    public void Configure(EntityTypeBuilder<ApplicationReview> builder)
    {
        builder.ToTable("application_reviews");
        builder.Property(r => r.ReviewerId).HasMaxLength(450);
        builder.Property(r => r.ReviewerName).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(ApplicationLimits.Note);

        // The same vetter cannot count twice in a round, even under a race.
        builder.HasIndex(r => new { r.ApplicationId, r.Round, r.ReviewerId }).IsUnique();
    }
}
