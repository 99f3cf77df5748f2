namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>One addressee of the morning email, read from the member's account at send time.</summary>
public sealed record BriefingRecipient(string MemberId, string Email, string FullName);
