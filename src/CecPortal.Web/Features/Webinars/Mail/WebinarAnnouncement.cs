using CecPortal.Web.Features.Webinars.Sessions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Webinars.Mail;

/// <summary>
/// One member's announcement of one session: written in the same transaction as the email in the outbox. Its key,
/// (session, member), is what makes the fan-out safe to run twice: a member who has a row is never mailed again.
/// </summary>
public sealed class WebinarAnnouncement
{
    public Guid SessionId { get; private set; }

    public string MemberId { get; private set; } = string.Empty;

    /// <summary>The message in <c>outbound_emails</c> (no foreign key: the outbox may be cleaned up independently).</summary>
    public Guid OutboundEmailId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static WebinarAnnouncement Create(Guid sessionId, string memberId, Guid outboundEmailId, DateTimeOffset now) => new()
    {
        SessionId = sessionId,
        MemberId = memberId,
        OutboundEmailId = outboundEmailId,
        CreatedAt = now,
    };
}

public sealed class WebinarAnnouncementConfiguration : IEntityTypeConfiguration<WebinarAnnouncement>
{
    public void Configure(EntityTypeBuilder<WebinarAnnouncement> builder)
    {
        builder.ToTable("webinar_announcements");
        builder.HasKey(a => new { a.SessionId, a.MemberId });
        builder.HasOne<WebinarSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.MemberId);
    }
}
