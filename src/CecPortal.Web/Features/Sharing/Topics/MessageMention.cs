using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>A member named in a message with <c>@**Full Name**</c>; only members who may read the channel are recorded.</summary>
public sealed class MessageMention
{
    public required Guid MessageId { get; init; }

    public required string UserId { get; init; }
}

public sealed class MessageMentionConfiguration : IEntityTypeConfiguration<MessageMention>
{
    public void Configure(EntityTypeBuilder<MessageMention> builder)
    {
        builder.ToTable("message_mentions");
        builder.HasKey(m => new { m.MessageId, m.UserId });
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Message>().WithMany().HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
