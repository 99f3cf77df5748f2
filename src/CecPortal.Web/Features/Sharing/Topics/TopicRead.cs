using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>How far a member has read one topic: every message up to this sequence number.</summary>
public sealed class TopicRead
{
    private TopicRead()
    {
    }

    public Guid TopicId { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public long ReadUpToSeq { get; private set; }

    public static TopicRead Of(Guid topicId, string userId, long seq) => new() { TopicId = topicId, UserId = userId, ReadUpToSeq = seq };

    /// <summary>The mark never moves back: an older page opened in another tab does not undo a later read.</summary>
    public void MarkReadUpTo(long seq) => ReadUpToSeq = Math.Max(ReadUpToSeq, seq);
}

public sealed class TopicReadConfiguration : IEntityTypeConfiguration<TopicRead>
{
    public void Configure(EntityTypeBuilder<TopicRead> builder)
    {
        builder.ToTable("topic_reads");
        builder.HasKey(r => new { r.TopicId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.HasIndex(r => r.UserId);
        builder.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
