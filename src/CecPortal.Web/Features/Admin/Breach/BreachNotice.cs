namespace CecPortal.Web.Features.Admin.Breach;

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
