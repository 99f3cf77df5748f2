namespace CecPortal.Web.Features.Sharing.Channels;

/// <summary>Someone a member search offers to add to a working group; <paramref name="Email"/> is null unless staff searched.</summary>
public sealed record MemberCandidate(string UserId, string FullName, string? Organisation, string? Email);
