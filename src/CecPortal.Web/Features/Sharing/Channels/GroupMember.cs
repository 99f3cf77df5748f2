namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>A member of a working group as its management page lists them; the email is shown to staff only.</summary>
public sealed record GroupMember(string UserId, string FullName, string? Organisation, string? Email, SubscriptionRole Role, DateTimeOffset JoinedAt, bool IsSuspended);
