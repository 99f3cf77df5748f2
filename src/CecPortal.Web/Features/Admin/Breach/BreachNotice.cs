using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>The kinds of personal data a breach can touch; an Admin picks one or more.</summary>
[Flags]
public enum BreachDataCategory
{
    None = 0,
    Profile = 1,
    Applications = 2,
    BriefingDeliveries = 4,
    WebinarRegistrations = 8,
    SignInHistory = 16,
}

/// <summary>
/// A notice to the people whose data a personal data breach could affect (GDPR Art. 34). The recipients are fixed when
/// it is sent (one row each, unique per notice), and a job queues one email per recipient through the outbox.
/// </summary>
public sealed class BreachNotice
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 20_000;

    private BreachNotice()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string Subject { get; private set; } = string.Empty;

    public string BodyMarkdown { get; private set; } = string.Empty;

    public BreachDataCategory Categories { get; private set; }

    public DateOnly? WindowFrom { get; private set; }

    public DateOnly? WindowTo { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedById { get; private set; }

    public string CreatedByName { get; private set; } = string.Empty;

    public int RecipientCount { get; private set; }

    /// <summary>When the last recipient's email was queued; null while the job is still at work.</summary>
    public DateTimeOffset? QueuedAt { get; private set; }

    public static BreachNotice Create(BreachCriteria criteria, string subject, string bodyMarkdown, int recipientCount, string createdById, string createdByName, DateTimeOffset now)
    {
        if (criteria.Validate().FirstOrDefault() is { } problem)
        {
            throw new BreachRuleException(problem.Message);
        }

        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(bodyMarkdown))
        {
            throw new BreachRuleException("A notice needs a subject and a text.");
        }

        if (recipientCount == 0)
        {
            throw new BreachRuleException("No member's data matches this choice: there is nobody to notify.");
        }

        return new BreachNotice
        {
            Subject = subject.Trim(),
            BodyMarkdown = bodyMarkdown.Trim(),
            Categories = criteria.Categories,
            WindowFrom = criteria.From,
            WindowTo = criteria.To,
            RecipientCount = recipientCount,
            CreatedAt = now,
            CreatedById = createdById,
            CreatedByName = createdByName,
        };
    }

    public BreachCriteria Criteria => new(Categories, WindowFrom, WindowTo);

    public void MarkQueued(DateTimeOffset now) => QueuedAt ??= now;
}

/// <summary>One person a notice goes to; <see cref="QueuedAt"/> and <see cref="OutboundEmailId"/> are set once their email is in the outbox.</summary>
public sealed class BreachNoticeRecipient
{
    public long Id { get; init; }

    public Guid NoticeId { get; init; }

    public required string UserId { get; init; }

    public Guid? OutboundEmailId { get; set; }

    public DateTimeOffset? QueuedAt { get; set; }
}


public sealed class BreachNoticeConfiguration : IEntityTypeConfiguration<BreachNotice>
{
    public void Configure(EntityTypeBuilder<BreachNotice> builder)
    {
        builder.ToTable("breach_notices");
        builder.Property(n => n.Subject).HasMaxLength(BreachNotice.MaxSubjectLength);
        builder.Property(n => n.BodyMarkdown).HasMaxLength(BreachNotice.MaxBodyLength);
        builder.Property(n => n.CreatedById).HasMaxLength(450);
        builder.Property(n => n.CreatedByName).HasMaxLength(200);
        builder.Ignore(n => n.Criteria);
        builder.HasIndex(n => n.CreatedAt);
        builder.HasMany<BreachNoticeRecipient>().WithOne().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BreachNoticeRecipientConfiguration : IEntityTypeConfiguration<BreachNoticeRecipient>
{
    public void Configure(EntityTypeBuilder<BreachNoticeRecipient> builder)
    {
        builder.ToTable("breach_notice_recipients");
        builder.Property(r => r.UserId).HasMaxLength(450);

        // Sending twice never reaches anyone twice.
        builder.HasIndex(r => new { r.NoticeId, r.UserId }).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
