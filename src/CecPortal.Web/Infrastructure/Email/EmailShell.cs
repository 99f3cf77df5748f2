using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>
/// The one HTML document every portal email is written into, so that each is accessible in the same way: English
/// (<c>lang</c>), titled, one <c>h1</c>, a 600 px card of layout tables marked <c>role="presentation"</c>, light
/// colours inline (many mail clients drop style sheets) with at least 4.5:1 contrast, and a dark-mode block for the
/// clients that honour <c>prefers-color-scheme</c>: every light background carries a class that block overrides.
/// </summary>
public static partial class EmailShell
{
    public const string Font = "font-family:Segoe UI,Helvetica,Arial,sans-serif;";

    /// <summary>Body text: 14.7:1 on the white card.</summary>
    public const string TextColour = "#1f2937";

    /// <summary>Small print: 7.6:1 on white.</summary>
    public const string MutedColour = "#4b5563";

    /// <summary>Links and the brand line: 10:1 on white.</summary>
    public const string LinkColour = "#0b3d91";

    /// <summary>The style of a small-print paragraph; give it <see cref="MutedClass"/> too.</summary>
    public const string MutedStyle = "margin:0 0 8px 0;font-size:12px;line-height:1.5;color:" + MutedColour + ";";

    public const string MutedClass = "cec-muted";

    /// <summary>A light header cell of a data table; give it this class so that dark mode darkens it.</summary>
    public const string HeadClass = "cec-head";

    private const string PageBackground = "#f3f4f6";

    // Each selector is a class the light markup carries; !important because the light colours are inline.
    private const string DarkMode = """
        :root{color-scheme:light dark;supported-color-schemes:light dark}
        @media (prefers-color-scheme: dark){
        .cec-page{background-color:#0b0f19 !important}
        .cec-card{background-color:#1f2937 !important;color:#e5e7eb !important;border-color:#374151 !important}
        .cec-card p,.cec-card li,.cec-card td,.cec-card th,.cec-card div{color:#e5e7eb !important}
        .cec-card h1,.cec-card h2,.cec-card h3,.cec-card h4{color:#f9fafb !important}
        .cec-card a{color:#93c5fd !important}
        .cec-card a.cec-button{background-color:#93c5fd !important;color:#0b1220 !important}
        .cec-card .cec-brand{color:#93c5fd !important}
        .cec-card .cec-muted{color:#d1d5db !important}
        .cec-card .cec-head{background-color:#374151 !important}
        .cec-card .cec-rule{border-color:#374151 !important}
        }
        """;

    /// <summary>
    /// The whole document around <paramref name="rows"/>: <c>&lt;tr&gt;</c> elements of the card (see <see cref="Row"/>).
    /// <paramref name="title"/> is plain text.
    /// </summary>
    public static string Document(string title, string rows)
    {
        var html = new StringBuilder(rows.Length + 2048);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\">")
            .Append("<title>").Append(Encode(title)).Append("</title>")
            .Append("<style>").Append(DarkMode.ReplaceLineEndings(string.Empty)).Append("</style></head>")
            .Append("<body class=\"cec-page\" style=\"margin:0;padding:0;background-color:").Append(PageBackground).Append(";\">")
            .Append("<table role=\"presentation\" class=\"cec-page\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:")
            .Append(PageBackground).Append(";\"><tr><td align=\"center\" style=\"padding:16px 8px;\">")
            .Append("<table role=\"presentation\" class=\"cec-card\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;")
            .Append(Font).Append("color:").Append(TextColour).Append(";font-size:15px;line-height:1.55;\">")
            .Append(rows)
            .Append("</table></td></tr></table></body></html>");
        return html.ToString();
    }

    /// <summary>One row of the card holding <paramref name="content"/> (HTML).</summary>
    public static string Row(string content, string padding = "16px 24px 8px 24px") =>
        $"<tr><td style=\"padding:{padding};\">{content}</td></tr>";

    /// <summary>The card's opening: the community's name and the message's one <c>h1</c> (plain text).</summary>
    public static string Header(string heading, string brand = "CISOs European Community") =>
        Row(
            $"<p class=\"cec-brand\" style=\"margin:0;color:{LinkColour};font-weight:600;font-size:13px;\">{Encode(brand)}</p>"
            + $"<h1 style=\"margin:8px 0 4px 0;font-size:22px;line-height:1.3;color:#111827;\">{Encode(heading)}</h1>",
            "20px 24px 0 24px");

    /// <summary>The card's closing small print, above a rule (HTML paragraphs: use <see cref="SmallPrint"/>).</summary>
    public static string Footer(string paragraphs) =>
        $"<tr><td class=\"cec-rule\" style=\"padding:16px 24px 20px 24px;border-top:1px solid #e5e7eb;\">{paragraphs}</td></tr>";

    /// <summary>A small-print paragraph of <paramref name="html"/>.</summary>
    public static string SmallPrint(string html) => $"<p class=\"{MutedClass}\" style=\"{MutedStyle}\">{html}</p>";

    /// <summary>A call to action drawn as a button (white on dark blue, 10:1).</summary>
    public static string Button(string label, string url) =>
        $"<a class=\"cec-button\" href=\"{Encode(url)}\" style=\"display:inline-block;padding:10px 16px;background-color:{LinkColour};color:#ffffff;text-decoration:none;border-radius:4px;font-size:14px;\">{Encode(label)}</a>";

    /// <summary>An ordinary link.</summary>
    public static string Link(string label, string url) =>
        $"<a href=\"{Encode(url)}\" style=\"color:{LinkColour};\">{Encode(label)}</a>";

    /// <summary>
    /// <paramref name="text"/>, followed by every web address <paramref name="html"/> links to that the text does not
    /// already carry (the CVE records the Markdown renderer links, for example), so a reader of the plain part misses
    /// no link.
    /// </summary>
    public static string TextWithLinksOf(string html, string text)
    {
        var missing = Href().Matches(html)
            .Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))
            .Where(url => !text.Contains(url, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (missing.Count == 0)
        {
            return text;
        }

        var links = new StringBuilder("Links in this message:\n");
        foreach (var url in missing)
        {
            links.Append("- ").Append(url).Append('\n');
        }

        // Above the signature ("-- "), which mail clients may fold away.
        var signature = text.IndexOf(SignatureDelimiter, StringComparison.Ordinal);
        return signature < 0
            ? text.TrimEnd('\n') + "\n\n" + links
            : text[..signature].TrimEnd('\n') + "\n\n" + links + "\n" + text[signature..];
    }

    /// <summary>The line that opens a plain-text signature.</summary>
    public const string SignatureDelimiter = "-- \n";

    public static string Encode(string value) => WebUtility.HtmlEncode(value);

    [GeneratedRegex("href=\"(?<url>(?:https?:|mailto:)[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Href();
}
