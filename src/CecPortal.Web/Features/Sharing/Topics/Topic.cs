using CecPortal.Web.Features.Sharing.Channels;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>
/// A named thread of one channel, as in Zulip: every message belongs to one. The last message's time and sequence
/// number are kept here so that a channel page lists its topics, most recently active first, without scanning messages.
/// </summary>
public sealed class Topic
{
    public const int MaxSubjectLength = 100;

    private Topic()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; private set; }

    /// <summary>Unique in its channel, ignoring case (an index on <c>lower("Subject")</c>).</summary>
    public string Subject { get; private set; } = string.Empty;

    /// <summary>Null once the member who started it is erased.</summary>
    public string? StartedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastMessageAt { get; private set; }

    public long LastMessageSeq { get; private set; }

    public int MessageCount { get; private set; }

    public static Topic Start(Guid channelId, string subject, string authorId, DateTimeOffset now) => new()
    {
        ChannelId = channelId,
        Subject = RequireSubject(subject),
        StartedById = authorId,
        CreatedAt = now,
        LastMessageAt = now,
    };

    /// <summary>The subject as a topic would store it: trimmed, single-spaced; refused when empty or too long.</summary>
    public static string RequireSubject(string subject)
    {
        var cleaned = string.Join(' ', (subject ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length switch
        {
            0 => throw new SharingRuleException("Give the topic a subject.", "Subject"),
            > MaxSubjectLength => throw new SharingRuleException($"The subject may have at most {MaxSubjectLength} characters.", "Subject"),
            _ => cleaned,
        };
    }

    /// <summary>Counts a message posted in the topic (its sequence number is known once it is saved).</summary>
    public void RecordMessage(long seq, DateTimeOffset at)
    {
        MessageCount++;
        LastMessageSeq = Math.Max(LastMessageSeq, seq);
        LastMessageAt = at > LastMessageAt ? at : LastMessageAt;
    }
}

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.ToTable("topics");
        builder.Property(t => t.Subject).HasMaxLength(Topic.MaxSubjectLength);
        builder.Property(t => t.StartedById).HasMaxLength(450);
        builder.HasIndex(t => new { t.ChannelId, t.LastMessageSeq });

        // Subjects are unique per channel ignoring case: an index on lower("Subject"), made in the SharingSpace migration
        // because EF Core cannot declare an index on an expression.
        builder.HasIndex(t => t.StartedById);
        builder.HasOne<Channel>().WithMany().HasForeignKey(t => t.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.StartedById).OnDelete(DeleteBehavior.SetNull);
    }
}
