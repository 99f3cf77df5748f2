using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Membership.Applications;

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
