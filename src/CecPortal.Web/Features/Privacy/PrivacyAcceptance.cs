namespace CecPortal.Web.Features.Privacy;

/// <summary>That a person accepted one version of the notice, and when.</summary>
public sealed class PrivacyAcceptance
{
    public long Id { get; init; }

    public required string UserId { get; init; }

    public int Version { get; init; }

    public DateTimeOffset AcceptedAt { get; init; }
}
