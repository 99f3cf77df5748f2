using CecPortal.Web.Features.Sharing.Topics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Sharing.Moderation;

/// <summary>
/// A member's report of a message, for the moderators. It keeps a copy of the text and label as they were when reported:
/// the author may edit or delete the message afterwards, and the moderator judges what the reporter saw. A member has at
/// most one open report per message.
/// </summary>
public sealed class MessageReport
{
    public const int MaxNoteLength = 1000;

    private MessageReport()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public Guid MessageId { get; private set; }

    /// <summary>Null once the reporter is erased: the report stays for the moderators, without who made it.</summary>
    public string? ReporterId { get; private set; }

    public ReportReason Reason { get; private set; }

    /// <summary>The reporter's own words, optional except for <see cref="ReportReason.Other"/>.</summary>
    public string? Note { get; private set; }

    /// <summary>The message's Markdown when it was reported.</summary>
    public string ReportedBody { get; private set; } = string.Empty;

    /// <summary>The message's label when it was reported.</summary>
    public TlpLabel ReportedTlp { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedById { get; private set; }

    public ReportResolution? Resolution { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    /// <summary>
    /// A report of <paramref name="message"/> by <paramref name="reporterId"/>, who the caller has checked may read it.
    /// Deleted and hidden messages, and one's own, cannot be reported.
    /// </summary>
    public static MessageReport File(Message message, string reporterId, ReportReason reason, string? note, DateTimeOffset now)
    {
        if (message.AuthorId == reporterId)
        {
            throw new SharingRuleException("This is your own message: edit or delete it instead of reporting it.");
        }

        if (message.IsDeleted)
        {
            throw new SharingRuleException("Its author has deleted this message; there is nothing left to report.");
        }

        if (message.IsHidden)
        {
            throw new SharingRuleException("A moderator has already hidden this message.");
        }

        if (!Enum.IsDefined(reason))
        {
            throw new SharingRuleException("Choose why you report this message.", nameof(Reason));
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > MaxNoteLength })
        {
            throw new SharingRuleException($"The note may have at most {MaxNoteLength:N0} characters; this one has {text.Length:N0}.", nameof(Note));
        }

        if (reason == ReportReason.Other && text is null)
        {
            throw new SharingRuleException("Say in a few words what is wrong with the message.", nameof(Note));
        }

        return new MessageReport
        {
            MessageId = message.Id,
            ReporterId = reporterId,
            Reason = reason,
            Note = text,
            ReportedBody = message.BodyMarkdown,
            ReportedTlp = message.Tlp,
            CreatedAt = now,
        };
    }

    /// <summary>Closes the report; a closed report stays closed.</summary>
    public void Resolve(Actor moderator, ReportResolution resolution, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new SharingRuleException("This report is already closed.");
        }

        if (!Enum.IsDefined(resolution))
        {
            throw new SharingRuleException("Choose how the report is closed.");
        }

        ResolvedAt = now;
        ResolvedById = moderator.Id;
        Resolution = resolution;
    }

    /// <summary>Whether the text or label changed since the report: the moderator then compares the copy with the current one.</summary>
    public bool DiffersFrom(Message message) => message.BodyMarkdown != ReportedBody || message.Tlp != ReportedTlp;
}

public sealed class MessageReportConfiguration : IEntityTypeConfiguration<MessageReport>
{
    public void Configure(EntityTypeBuilder<MessageReport> builder)
    {
        builder.ToTable("message_reports");
        builder.Property(r => r.ReporterId).HasMaxLength(450);
        builder.Property(r => r.ResolvedById).HasMaxLength(450);
        builder.Property(r => r.Note).HasMaxLength(MessageReport.MaxNoteLength);
        builder.Property(r => r.ReportedBody).HasMaxLength(Message.MaxBodyLength);
        builder.Ignore(r => r.IsOpen);

        // One open report per member and message; a member may report again once a moderator has closed the first.
        builder.HasIndex(r => new { r.MessageId, r.ReporterId }).IsUnique().HasFilter("\"ResolvedAt\" IS NULL");
        builder.HasIndex(r => new { r.ResolvedAt, r.CreatedAt });
        builder.HasIndex(r => r.ReporterId);
        builder.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ResolvedById).OnDelete(DeleteBehavior.SetNull);
    }
}
