using CecPortal.Web.Features.Webinars.Sessions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Webinars.Registration;

/// <summary>
/// A member's place in one session: confirmed, on the waiting list (first come, first promoted by
/// <see cref="RegisteredAt"/>), or cancelled. One row per (session, member); registering again re-uses it.
/// The reminder stamps make the 24-hour and 1-hour reminders safe to run twice.
/// </summary>
public sealed class WebinarRegistration
{
    private WebinarRegistration()
    {
    }

    public long Id { get; private set; }

    public Guid SessionId { get; private set; }

    public string MemberId { get; private set; } = string.Empty;

    public RegistrationStatus Status { get; private set; }

    /// <summary>When the member last registered: the waiting list's order.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? PromotedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>The invitation SEQUENCE this member was last sent, so a change re-sends to exactly who is behind.</summary>
    public int? InvitedSequence { get; private set; }

    public DateTimeOffset? DayReminderSentAt { get; private set; }

    public DateTimeOffset? HourReminderSentAt { get; private set; }

    public static WebinarRegistration Create(Guid sessionId, string memberId, RegistrationStatus status, DateTimeOffset now) => new()
    {
        SessionId = sessionId,
        MemberId = memberId,
        Status = status,
        RegisteredAt = now,
    };

    /// <summary>Registers again after a cancellation, at the back of the line.</summary>
    public void Reregister(RegistrationStatus status, DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Cancelled)
        {
            throw new WebinarRuleException("You are already registered for this session.");
        }

        Status = status;
        RegisteredAt = now;
        PromotedAt = null;
        CancelledAt = null;
        InvitedSequence = null;
        DayReminderSentAt = null;
        HourReminderSentAt = null;
    }

    public void Promote(DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Waitlisted)
        {
            throw new WebinarRuleException("Only a waiting registration can be promoted.");
        }

        Status = RegistrationStatus.Confirmed;
        PromotedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        if (Status == RegistrationStatus.Cancelled)
        {
            throw new WebinarRuleException("This registration is already cancelled.");
        }

        Status = RegistrationStatus.Cancelled;
        CancelledAt = now;
    }

    public void RecordInvitation(int sequence) => InvitedSequence = sequence;

    /// <summary>The session moved: reminders already sent were for the old time, so the new time gets its own.</summary>
    public void Rescheduled()
    {
        DayReminderSentAt = null;
        HourReminderSentAt = null;
    }

    public void RecordDayReminder(DateTimeOffset now) => DayReminderSentAt ??= now;

    public void RecordHourReminder(DateTimeOffset now) => HourReminderSentAt ??= now;
}

public sealed class WebinarRegistrationConfiguration : IEntityTypeConfiguration<WebinarRegistration>
{
    public void Configure(EntityTypeBuilder<WebinarRegistration> builder)
    {
        builder.ToTable("webinar_registrations");
        builder.Property(r => r.Id).UseIdentityAlwaysColumn();
        builder.Property(r => r.MemberId).HasMaxLength(450);
        builder.HasIndex(r => new { r.SessionId, r.MemberId }).IsUnique();
        builder.HasIndex(r => new { r.SessionId, r.Status, r.RegisteredAt });
        builder.HasIndex(r => r.MemberId);
        builder.HasOne<WebinarSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
