namespace CecPortal.Web.Features.Webinars.Proposals;

public sealed record ProposalView(Guid Id, string Title, IReadOnlyList<DateOnly> PreferredMonths, ProposalStatus Status, string? DecisionNote, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);
