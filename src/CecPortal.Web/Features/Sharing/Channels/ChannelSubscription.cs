using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>
/// A member's relation to one channel. For open channels and working groups the row is the membership; for the
/// community, sector and country channels (which the profile decides) it only holds the member's settings.
/// </summary>
public sealed class ChannelSubscription
{
    private ChannelSubscription()
    {
    }

    public Guid ChannelId { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public SubscriptionRole Role { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>Who added the member (staff or a group moderator); null when the member joined or the row holds settings.</summary>
    public string? AddedById { get; private set; }

    public NotifyLevel Notify { get; private set; } = NotifyLevel.All;

    /// <summary>The member's own choice: no unread badge, no notifications from this channel.</summary>
    public bool Muted { get; private set; }

    public bool UrgentAlertsByEmail { get; private set; } = true;

    /// <summary>Every message of the channel up to this sequence number counts as read ("mark all as read").</summary>
    public long ReadUpToSeq { get; private set; }

    /// <summary>A moderator's mute: until then the member may read the channel but not post in it.</summary>
    public DateTimeOffset? SilencedUntil { get; private set; }

    /// <summary>A member joining an open channel, or the settings row of a channel the profile puts them in.</summary>
    public static ChannelSubscription Join(Guid channelId, string userId, DateTimeOffset now) => new()
    {
        ChannelId = channelId,
        UserId = userId,
        Role = SubscriptionRole.Member,
        JoinedAt = now,
    };

    /// <summary>A member added to a working group by staff or one of its moderators.</summary>
    public static ChannelSubscription Add(Guid channelId, string userId, SubscriptionRole role, Actor addedBy, DateTimeOffset now) => new()
    {
        ChannelId = channelId,
        UserId = userId,
        Role = role,
        JoinedAt = now,
        AddedById = addedBy.Id,
    };

    public void ChangeNotify(NotifyLevel level)
    {
        if (!Enum.IsDefined(level))
        {
            throw new SharingRuleException("Choose what should notify you.", nameof(Notify));
        }

        Notify = level;
    }

    public void Mute() => Muted = true;

    public void Unmute() => Muted = false;

    public void ChangeUrgentAlertsByEmail(bool byEmail) => UrgentAlertsByEmail = byEmail;

    /// <summary>Marks everything up to <paramref name="seq"/> read; the mark never moves back.</summary>
    public void MarkReadUpTo(long seq) => ReadUpToSeq = Math.Max(ReadUpToSeq, seq);

    public void ChangeRole(SubscriptionRole role) => Role = Enum.IsDefined(role) ? role : throw new SharingRuleException("Choose a role.");

    public void Silence(DateTimeOffset until, DateTimeOffset now) =>
        SilencedUntil = until > now ? until : throw new SharingRuleException("A mute must end in the future.");

    public void Unsilence() => SilencedUntil = null;

    public bool IsSilenced(DateTimeOffset now) => SilencedUntil is { } until && until > now;
}

public sealed class ChannelSubscriptionConfiguration : IEntityTypeConfiguration<ChannelSubscription>
{
    public void Configure(EntityTypeBuilder<ChannelSubscription> builder)
    {
        builder.ToTable("channel_subscriptions");
        builder.HasKey(s => new { s.ChannelId, s.UserId });
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.AddedById).HasMaxLength(450);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<Channel>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.AddedById).OnDelete(DeleteBehavior.SetNull);
    }
}
