using CecPortal.Web.Features.Webinars.Sessions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Webinars.Mail;

/// <summary>
/// The Hangfire job scheduled for one reminder of one session, by the instant it is due: a session that moves gets new jobs
/// and this row tells which job to delete. One row per (session, kind).
/// </summary>
public sealed class WebinarReminder
{
    private WebinarReminder()
    {
    }

    public Guid SessionId { get; private set; }

    public ReminderKind Kind { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public string JobId { get; private set; } = string.Empty;

    public static WebinarReminder Scheduled(Guid sessionId, ReminderKind kind, DateTimeOffset dueAt, string jobId) =>
        new() { SessionId = sessionId, Kind = kind, DueAt = dueAt, JobId = jobId };
}

public sealed class WebinarReminderConfiguration : IEntityTypeConfiguration<WebinarReminder>
{
    public void Configure(EntityTypeBuilder<WebinarReminder> builder)
    {
        builder.ToTable("webinar_reminders");
        builder.HasKey(r => new { r.SessionId, r.Kind });
        builder.Property(r => r.JobId).HasMaxLength(100);
        builder.HasOne<WebinarSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
