using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Webinars.Sessions;

/// <summary>A speaker of a session: a member, or an external guest named by staff.</summary>
public sealed class WebinarSpeaker
{
    private WebinarSpeaker()
    {
    }

    public long Id { get; private set; }

    public Guid SessionId { get; private set; }

    public string? MemberId { get; private set; }

    public string? GuestName { get; private set; }

    public string? GuestOrganisation { get; private set; }

    public static WebinarSpeaker Member(Guid sessionId, string memberId) => new() { SessionId = sessionId, MemberId = memberId };

    public static WebinarSpeaker Guest(Guid sessionId, string name, string? organisation) => new()
    {
        SessionId = sessionId,
        GuestName = name.Trim(),
        GuestOrganisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(),
    };
}

public sealed class WebinarSpeakerConfiguration : IEntityTypeConfiguration<WebinarSpeaker>
{
    public void Configure(EntityTypeBuilder<WebinarSpeaker> builder)
    {
        builder.ToTable("webinar_speakers", table => table.HasCheckConstraint(
            "CK_webinar_speakers_member_or_guest", "(\"MemberId\" IS NULL) <> (\"GuestName\" IS NULL)"));
        builder.Property(s => s.Id).UseIdentityAlwaysColumn();
        builder.Property(s => s.MemberId).HasMaxLength(450);
        builder.Property(s => s.GuestName).HasMaxLength(WebinarLimits.GuestName);
        builder.Property(s => s.GuestOrganisation).HasMaxLength(WebinarLimits.GuestName);
        builder.HasIndex(s => s.SessionId);
        builder.HasIndex(s => s.MemberId);
        builder.HasOne<WebinarSession>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
