namespace CecPortal.Web.Features.Briefings;

public sealed record BriefingView(
    DateOnly EditionDate,
    string Title,
    string BodyHtml,
    TlpLabel Tlp,
    IReadOnlyList<VulnerabilityEntry> Vulnerabilities,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt);
