namespace CecPortal.Web.Features.Briefings;

/// <summary>What an editor submits for a briefing, already validated and normalised (Markdown not yet rendered).</summary>
public sealed record BriefingDraft(DateOnly EditionDate, string Title, string BodyMarkdown, TlpLabel Tlp, IReadOnlyList<VulnerabilityEntry> Vulnerabilities);
