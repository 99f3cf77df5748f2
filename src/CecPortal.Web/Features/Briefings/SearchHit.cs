namespace CecPortal.Web.Features.Briefings;

/// <summary>One search result; <see cref="SnippetHtml"/> is encoded text with <c>&lt;mark&gt;</c> around the matches.</summary>
public sealed record SearchHit(DateOnly EditionDate, string Title, TlpLabel Tlp, string? SnippetHtml);
