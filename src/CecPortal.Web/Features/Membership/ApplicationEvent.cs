using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership;

public enum ApplicationEventKind
{
    Submitted = 1,
    Verified = 2,
    ReviewedApprove = 3,
    ReviewedDecline = 4,
    InformationRequested = 5,
    InformationProvided = 6,
    Approved = 7,
    Declined = 8,
    Withdrawn = 9,
    Reopened = 10,
    SponsorInvited = 11,
    SponsorEndorsed = 12,
    SponsorDeclined = 13,
    MemberCreated = 14,
}

/// <summary>One step on an application's timeline: who, when and the note.</summary>
public sealed class ApplicationEvent
{
    public long Id { get; init; }

    public Guid ApplicationId { get; init; }

    public ApplicationEventKind Kind { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Display name of whoever acted; null for the system.</summary>
    public string? Actor { get; init; }

    public string? Note { get; init; }

    /// <summary>Whether the applicant may see this step on their status page (internal notes stay with the vetters).</summary>
    public bool IsVisibleToApplicant => Kind is ApplicationEventKind.Submitted or ApplicationEventKind.Verified
        or ApplicationEventKind.InformationRequested or ApplicationEventKind.InformationProvided
        or ApplicationEventKind.Approved or ApplicationEventKind.Declined or ApplicationEventKind.Withdrawn or ApplicationEventKind.Reopened;

    public string Describe() => Kind switch
    {
        ApplicationEventKind.Submitted => "Application submitted",
        ApplicationEventKind.Verified => "Email address verified; entered the vetting queue",
        ApplicationEventKind.ReviewedApprove => "Review: approve",
        ApplicationEventKind.ReviewedDecline => "Review: decline",
        ApplicationEventKind.InformationRequested => "More information requested",
        ApplicationEventKind.InformationProvided => "Applicant answered",
        ApplicationEventKind.Approved => "Approved",
        ApplicationEventKind.Declined => "Declined",
        ApplicationEventKind.Withdrawn => "Withdrawn by the applicant",
        ApplicationEventKind.Reopened => "Re-opened",
        ApplicationEventKind.SponsorInvited => "Sponsor asked to endorse",
        ApplicationEventKind.SponsorEndorsed => "Sponsor endorsed the application",
        ApplicationEventKind.SponsorDeclined => "Sponsor declined to endorse",
        ApplicationEventKind.MemberCreated => "Member account created and welcome email sent",
        _ => Kind.ToString(),
    };
}

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

public enum FlagKind
{
    CountryNotEligible = 1,
    FreeMailAddress = 2,
    EmailDomainMismatch = 3,
    PossibleDuplicate = 4,
    SponsorNotActiveMember = 5,
    JobTitleNotSecurityLeadership = 6,

    /// <summary>The address belongs to a person erased after removal for cause (a keyed hash on the blocklist).</summary>
    BlockedAddress = 7,
}

/// <summary>An automatic pre-check result shown to vetters; never a rejection by itself.</summary>
public sealed class ApplicationFlag
{
    public long Id { get; init; }

    public Guid ApplicationId { get; init; }

    public FlagKind Kind { get; init; }

    public required string Explanation { get; init; }
}

public sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> builder)
    {
        builder.ToTable("application_events");
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(ApplicationLimits.Note);
        builder.Ignore(e => e.IsVisibleToApplicant);
        builder.HasIndex(e => new { e.ApplicationId, e.At });
    }
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

public sealed class ApplicationFlagConfiguration : IEntityTypeConfiguration<ApplicationFlag>
{
    public void Configure(EntityTypeBuilder<ApplicationFlag> builder)
    {
        builder.ToTable("application_flags");
        builder.Property(f => f.Explanation).HasMaxLength(400);
        builder.HasIndex(f => new { f.Kind, f.ApplicationId });
        builder.HasIndex(f => f.ApplicationId);
    }
}

public static class ApplicationLimits
{
    public const int Name = 200;
    public const int Email = 254;
    public const int Title = 150;
    public const int Organisation = 200;
    public const int Url = 300;
    public const int SectorDescription = 200;
    public const int Motivation = 2000;
    public const int Note = 2000;
}
