namespace CecPortal.Web.Features.Consultations;

/// <summary>A consultation in a member's list: open ones they are invited to, and published ones.</summary>
public sealed record ConsultationSummary(
    Guid Id,
    string Title,
    string Institution,
    string Act,
    ConsultationStatus Status,
    DateTimeOffset Deadline,
    DateTimeOffset? PublishedAt,
    int Submitted,
    bool HasDraft,
    bool HasSubmitted);
