using CecPortal.Web.Features.Briefings;
using CecPortal.Web.Features.Sharing.Topics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>
/// A message raised to an urgent alert: pinned at the top of its channel and of every reader's home until it ends or
/// expires, and emailed once, at once, through the delivery ledger. A member proposes one; a moderator confirms or
/// declines it; staff may raise one directly and end it early. At most one proposed or active alert per message.
/// </summary>
public sealed class UrgentAlert
{
    public const int MaxTitleLength = 120;

    private UrgentAlert()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid MessageId { get; private set; }

    /// <summary>The message's channel, repeated so that the pin's read check is one join.</summary>
    public Guid ChannelId { get; private set; }

    /// <summary>A short line for the pin and the email subject.</summary>
    public string Title { get; private set; } = string.Empty;

    public UrgentAlertStatus Status { get; private set; }

    /// <summary>The member who proposed it; null when staff raised it directly, or after the member's erasure.</summary>
    public string? ProposedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The moderator who raised, confirmed or declined it; null after their erasure.</summary>
    public string? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>When an active alert stops being pinned on its own.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public string? EndedById { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsPinnedAt(DateTimeOffset now) => Status == UrgentAlertStatus.Active && ExpiresAt > now;

    public static UrgentAlert Propose(Message message, string title, string proposerId, DateTimeOffset now) =>
        New(message, title, now, proposerId);

    /// <summary>Staff raise the message at once: no proposal step.</summary>
    public static UrgentAlert Raise(Message message, string title, string staffId, DateTimeOffset now, TimeSpan pinnedFor)
    {
        var alert = New(message, title, now, proposerId: null);
        alert.Activate(staffId, now, pinnedFor);
        return alert;
    }

    public void Confirm(string staffId, DateTimeOffset now, TimeSpan pinnedFor)
    {
        if (Status != UrgentAlertStatus.Proposed)
        {
            throw new SharingRuleException("This proposal was already decided.");
        }

        Activate(staffId, now, pinnedFor);
    }

    public void Decline(string staffId, DateTimeOffset now)
    {
        if (Status != UrgentAlertStatus.Proposed)
        {
            throw new SharingRuleException("This proposal was already decided.");
        }

        Status = UrgentAlertStatus.Declined;
        DecidedById = staffId;
        DecidedAt = now;
    }

    public void End(string staffId, DateTimeOffset now)
    {
        if (Status != UrgentAlertStatus.Active)
        {
            throw new SharingRuleException("Only an active alert can be ended.");
        }

        Status = UrgentAlertStatus.Ended;
        EndedById = staffId;
        EndedAt = now;
    }

    private static UrgentAlert New(Message message, string title, DateTimeOffset now, string? proposerId)
    {
        if (message.IsDeleted || message.IsHidden)
        {
            throw new SharingRuleException("A deleted or hidden message cannot become an urgent alert.");
        }

        return new UrgentAlert
        {
            MessageId = message.Id,
            ChannelId = message.ChannelId,
            Title = CleanTitle(title),
            Status = UrgentAlertStatus.Proposed,
            ProposedById = proposerId,
            CreatedAt = now,
        };
    }

    private static string CleanTitle(string title)
    {
        var clean = string.Join(' ', (title ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length == 0)
        {
            throw new SharingRuleException("Give the alert a short title.", "Title");
        }

        if (clean.Length > MaxTitleLength)
        {
            throw new SharingRuleException($"The alert title is at most {MaxTitleLength} characters.", "Title");
        }

        if (clean.Any(char.IsControl))
        {
            throw new SharingRuleException("The alert title is plain text on one line.", "Title");
        }

        return clean;
    }

    private void Activate(string staffId, DateTimeOffset now, TimeSpan pinnedFor)
    {
        Status = UrgentAlertStatus.Active;
        DecidedById = staffId;
        DecidedAt = now;
        ExpiresAt = now + pinnedFor;
    }
}

public sealed class UrgentAlertConfiguration : IEntityTypeConfiguration<UrgentAlert>
{
    public void Configure(EntityTypeBuilder<UrgentAlert> builder)
    {
        builder.ToTable("urgent_alerts");
        builder.Property(a => a.Title).HasMaxLength(UrgentAlert.MaxTitleLength);
        builder.Property(a => a.ProposedById).HasMaxLength(450);
        builder.Property(a => a.DecidedById).HasMaxLength(450);
        builder.Property(a => a.EndedById).HasMaxLength(450);
        builder.Property(a => a.Version).IsRowVersion();

        // One open proposal or live alert per message: a second proposal of the same message is refused, not queued.
        builder.HasIndex(a => a.MessageId).IsUnique().HasFilter("\"Status\" IN (0, 1)").HasDatabaseName("IX_urgent_alerts_open_per_message");
        builder.HasIndex(a => new { a.ChannelId, a.Status, a.ExpiresAt });
        builder.HasIndex(a => a.ProposedById);
        builder.HasIndex(a => a.DecidedById);
        builder.HasIndex(a => a.EndedById);

        // The alert follows its message's retention: when the message goes, so does the alert (and its deliveries).
        builder.HasOne<Message>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channels.Channel>().WithMany().HasForeignKey(a => a.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<BriefingDelivery>().WithOne().HasForeignKey(d => d.UrgentAlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.ProposedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.DecidedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.EndedById).OnDelete(DeleteBehavior.SetNull);
    }
}
