namespace CecPortal.Web.Features.Admin.Breach;

/// <summary>One person a notice goes to; <see cref="QueuedAt"/> and <see cref="OutboundEmailId"/> are set once their email is in the outbox.</summary>
public sealed class BreachNoticeRecipient
{
    public long Id { get; init; }

    public Guid NoticeId { get; init; }

    public required string UserId { get; init; }

    public Guid? OutboundEmailId { get; set; }

    public DateTimeOffset? QueuedAt { get; set; }
}
