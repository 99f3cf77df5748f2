using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Topics;

/// <summary>The text an edit replaced: moderators may see what a message said before it was edited.</summary>
public sealed class MessageRevision
{
    private MessageRevision()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid MessageId { get; private set; }

    public string BodyMarkdown { get; private set; } = string.Empty;

    public TlpLabel Tlp { get; private set; }

    public DateTimeOffset ReplacedAt { get; private set; }

    internal static MessageRevision Of(Message message, DateTimeOffset now) => new()
    {
        MessageId = message.Id,
        BodyMarkdown = message.BodyMarkdown,
        Tlp = message.Tlp,
        ReplacedAt = now,
    };
}

public sealed class MessageRevisionConfiguration : IEntityTypeConfiguration<MessageRevision>
{
    public void Configure(EntityTypeBuilder<MessageRevision> builder)
    {
        builder.ToTable("message_revisions");
        builder.Property(r => r.BodyMarkdown).HasMaxLength(Message.MaxBodyLength);
        builder.HasIndex(r => new { r.MessageId, r.ReplacedAt });
        builder.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
