using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace CecPortal.Web.Infrastructure.Search;

/// <summary>
/// Turns a <c>ts_headline</c> result into safe HTML. The headline is cut from Markdown (a briefing, a member's message),
/// which may hold anything (<c>&lt;script&gt;</c> included), so every character is HTML-encoded and only the selection
/// markers become <c>&lt;mark&gt;</c> elements, always balanced.
/// </summary>
public static partial class SnippetHighlighter
{
    /// <summary>U+0002 (start of text): marks the start of a match; never part of a searched text.</summary>
    public const char StartMarker = '\u0002';

    /// <summary>U+0003 (end of text): marks the end of a match.</summary>
    public const char StopMarker = '\u0003';

    /// <summary>
    /// <c>ts_headline</c> options. The selection markers are control characters that never appear in a searched text, so
    /// that the whole headline can be HTML-encoded first and only then turned into <c>&lt;mark&gt;</c> elements.
    /// </summary>
    public static readonly string HeadlineOptions =
        $"StartSel=\"{StartMarker}\", StopSel=\"{StopMarker}\", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>Encodes markup and control characters; letters of every script stay readable in the page source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ToHtml(string headline)
    {
        headline = Simplify(headline);
        var html = new StringBuilder(headline.Length + 32);
        var segment = new StringBuilder();
        var open = false;
        foreach (var character in headline)
        {
            if (character is not (StartMarker or StopMarker))
            {
                segment.Append(character);
                continue;
            }

            html.Append(Encoder.Encode(segment.ToString()));
            segment.Clear();
            if (character == StartMarker && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (character == StopMarker && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        html.Append(Encoder.Encode(segment.ToString()));
        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    /// <summary>
    /// Drops the Markdown syntax that reads badly in a one-paragraph snippet (heading hashes, emphasis stars, table
    /// pipes, back-ticks) and joins the lines. Only for display: the encoding above is what makes the snippet safe.
    /// </summary>
    internal static string Simplify(string headline)
    {
        var text = LineMarkup().Replace(headline, string.Empty);
        text = ListBullet().Replace(text, "• ");
        text = InlineMarkup().Replace(text, string.Empty);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?)", RegexOptions.Multiline)]
    private static partial Regex LineMarkup();

    [GeneratedRegex(@"^[ \t]*[-+*][ \t]+", RegexOptions.Multiline)]
    private static partial Regex ListBullet();

    [GeneratedRegex(@"\*+|`+|\||:?-{3,}:?")]
    private static partial Regex InlineMarkup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
