namespace CecPortal.Web.Features.Briefings;

/// <summary>The editable content of a briefing, with its Markdown already rendered by <c>MarkdownRenderer</c>.</summary>
public sealed record BriefingContent(string Title, string BodyMarkdown, string BodyHtml, TlpLabel Tlp, IReadOnlyList<VulnerabilityEntry> Vulnerabilities);
