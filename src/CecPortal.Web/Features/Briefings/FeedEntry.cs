namespace CecPortal.Web.Features.Briefings;

public sealed record FeedEntry(
    DateOnly EditionDate,
    string Title,
    string BodyHtml,
    TlpLabel Tlp,
    IReadOnlyList<VulnerabilityEntry> Vulnerabilities,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt);
