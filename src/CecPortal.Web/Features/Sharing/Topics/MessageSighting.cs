using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>"Seen it too": a member observes what the message describes as well. One per member and message.</summary>
public sealed class MessageSighting
{
    public required Guid MessageId { get; init; }

    public required string UserId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed class MessageSightingConfiguration : IEntityTypeConfiguration<MessageSighting>
{
    public void Configure(EntityTypeBuilder<MessageSighting> builder)
    {
        builder.ToTable("message_sightings");
        builder.HasKey(s => new { s.MessageId, s.UserId });
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<Message>().WithMany().HasForeignKey(s => s.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
