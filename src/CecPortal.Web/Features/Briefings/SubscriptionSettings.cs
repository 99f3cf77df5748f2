namespace CecPortal.Web.Features.Briefings;

public sealed record SubscriptionSettings(bool ReceivesDailyEmail, DateTimeOffset? OptedOutAt, bool HasFeedToken, DateTimeOffset? FeedTokenCreatedAt);
