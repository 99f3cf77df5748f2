using CecPortal.Web.Features.Sharing.Channels;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Topics;

public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public const string ChangeSequence = "message_change_seq";

    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages");
        builder.Metadata.Model.AddSequence(ChangeSequence);
        builder.Property(m => m.Seq).UseIdentityAlwaysColumn();
        builder.Property(m => m.ChangeSeq)
            .HasDefaultValueSql($"nextval('{ChangeSequence}')")
            .ValueGeneratedOnAddOrUpdate();  // renumbered as every insert and update commits (migration SharingChangeAtCommit)
        builder.HasIndex(m => m.ChangeSeq).IsUnique();
        builder.Property(m => m.AuthorId).HasMaxLength(450);
        builder.Property(m => m.BodyMarkdown).HasMaxLength(Message.MaxBodyLength);
        builder.Property(m => m.HiddenById).HasMaxLength(450);
        builder.Property(m => m.HiddenReason).HasMaxLength(500);
        builder.Property(m => m.Version).IsRowVersion();
        builder.Ignore(m => m.IsDeleted);
        builder.Ignore(m => m.IsHidden);
        builder.Property(m => m.SearchVector).HasComputedColumnSql("to_tsvector('english'::regconfig, \"BodyMarkdown\")", stored: true);
        builder.HasIndex(m => m.SearchVector).HasMethod("GIN");
        builder.HasIndex(m => new { m.TopicId, m.Seq });
        builder.HasIndex(m => new { m.ChannelId, m.Seq });
        builder.HasIndex(m => m.AuthorId);
        builder.HasOne<Topic>().WithMany().HasForeignKey(m => m.TopicId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.HiddenById).OnDelete(DeleteBehavior.SetNull);
    }
}
