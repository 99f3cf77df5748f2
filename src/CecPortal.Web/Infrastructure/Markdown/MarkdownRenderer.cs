using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CecPortal.Web.Infrastructure.Markdown;

/// <summary>
/// Markdown to safe HTML, the same for the page and the email: Markdig with the advanced extensions and raw HTML
/// disabled; links kept only for http, https and mailto; CVE ids linked to their public records; then
/// HtmlSanitizer with a short tag list (no forms or inputs). Images stay only when they come from the portal itself:
/// a remote image would tell its server who read an email and when (a tracking pixel), and the page's
/// Content-Security-Policy (img-src 'self') blocks it anyway, so it becomes a link with its alt text. Thread-safe:
/// register as a singleton.
/// </summary>
public sealed partial class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string Render(string markdown) => Render(markdown, webLinksOnly: false);

    /// <summary>
    /// As <see cref="Render(string)"/>; with <paramref name="webLinksOnly"/>, only http and https links stay (no mailto
    /// links or linked email addresses): what members write to each other links to the web, never opens a mail client.
    /// </summary>
    public string Render(string markdown, bool webLinksOnly)
    {
        var document = Markdig.Markdown.Parse(markdown ?? string.Empty, _pipeline);
        NeutraliseUnsafeLinks(document, webLinksOnly);
        ReplaceTaskCheckboxes(document);
        LinkCveIds(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return _sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>
    /// Applies today's rules again to HTML this class rendered earlier and that was stored (a briefing's body), so
    /// that content saved before a rule existed (remote images) is not emailed with it.
    /// </summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html ?? string.Empty);

    /// <summary>An image address that would make the reader's browser or mail client call another server.</summary>
    public static bool IsRemoteImage(string? src)
    {
        var trimmed = src?.Trim() ?? string.Empty;
        if (trimmed.Length >= 2 && (trimmed[0] is '/' or '\\') && (trimmed[1] is '/' or '\\'))
        {
            // Protocol-relative: browsers read a backslash as a slash here.
            return true;
        }

        // A site-relative path is the portal's own (on Unix, Uri would read it as an absolute file path).
        return !trimmed.StartsWith('/') && Uri.TryCreate(trimmed, UriKind.Absolute, out _);
    }

    public static string CveRecordUrl(string cveId) => $"https://www.cve.org/CVERecord?id={cveId.ToUpperInvariant()}";

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('#') || trimmed.StartsWith('/'))
        {
            // In-page anchors and site-relative paths carry no scheme; "//" and "/\\" lead to another host.
            return !(trimmed.Length > 1 && trimmed[0] == '/' && (trimmed[1] is '/' or '\\'));
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }

    private static void NeutraliseUnsafeLinks(MarkdownDocument document, bool webLinksOnly)
    {
        bool Allowed(string? url) => IsSafeUrl(url) && !(webLinksOnly && IsMailto(url));
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (Allowed(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                continue;
            }

            if (link.IsImage)
            {
                link.Remove();
                continue;
            }

            // Keep the link's words, drop the link.
            foreach (var child in link.ToList())
            {
                child.Remove();
                link.InsertBefore(child);
            }

            link.Remove();
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if ((autolink.IsEmail && webLinksOnly) || (!autolink.IsEmail && !Allowed(autolink.Url)))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
    }

    private static bool IsMailto(string? url) => url?.Trim().StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) == true;

    private static void ReplaceTaskCheckboxes(MarkdownDocument document)
    {
        foreach (var task in document.Descendants<TaskList>().ToList())
        {
            task.ReplaceBy(new LiteralInline(task.Checked ? "☑" : "☐"));
        }
    }

    private static void LinkCveIds(MarkdownDocument document)
    {
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            if (literal.FindParentOfType<LinkInline>().Any())
            {
                continue;
            }

            var text = literal.Content.ToString();
            var matches = CveId().Matches(text);
            if (matches.Count == 0)
            {
                continue;
            }

            var position = 0;
            foreach (Match match in matches)
            {
                if (match.Index > position)
                {
                    literal.InsertBefore(new LiteralInline(text[position..match.Index]));
                }

                var link = new LinkInline(CveRecordUrl(match.Value), string.Empty);
                link.AppendChild(new LiteralInline(match.Value.ToUpperInvariant()));
                literal.InsertBefore(link);
                position = match.Index + match.Length;
            }

            if (position < text.Length)
            {
                literal.InsertBefore(new LiteralInline(text[position..]));
            }

            literal.Remove();
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong", "del", "s", "sub", "sup",
                "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "abbr", "mark",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "id", "start", "colspan", "rowspan" },
            AllowedSchemes = new HashSet<string>(SafeSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "noopener noreferrer nofollow");
            }
            else if (e.Node is IHtmlImageElement image && IsRemoteImage(image.GetAttribute("src")))
            {
                e.ReplacementNodes.Add(LinkInsteadOf(e.Document, image));
            }
        };
        return sanitizer;
    }

    private static INode LinkInsteadOf(IHtmlDocument document, IHtmlImageElement image)
    {
        var alt = image.GetAttribute("alt");
        var text = string.IsNullOrWhiteSpace(alt) ? "image" : alt.Trim();
        var src = image.GetAttribute("src")!.Trim();
        if (!IsSafeUrl(src))
        {
            return document.CreateTextNode(text);
        }

        var link = document.CreateElement("a");
        link.SetAttribute("href", src);
        link.SetAttribute("rel", "noopener noreferrer nofollow");
        link.TextContent = text;
        return link;
    }

    [GeneratedRegex(@"\bCVE-\d{4}-\d{4,7}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CveId();
}
