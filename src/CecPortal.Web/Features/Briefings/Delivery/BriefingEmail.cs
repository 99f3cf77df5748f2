using System.Net;
using System.Text;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Markdown;
using MimeKit;
using MimeKit.Encodings;
using MimeKit.Text;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>One addressee of the morning email, read from the member's account at send time.</summary>
public sealed record BriefingRecipient(string MemberId, string Email, string FullName);

/// <summary>
/// Composes the morning email. <see cref="Render"/> does the expensive part (layout, body, vulnerability table)
/// once per briefing revision; the template then only fills in each recipient's name and unsubscribe link.
/// </summary>
public sealed class BriefingEmail(PortalUrls urls, UnsubscribeTokens tokens, DkimSigning dkim, MarkdownRenderer markdown, IOptions<EmailOptions> emailOptions)
{
    public const string UnsubscribePath = UnsubscribeTokens.LinkPath;

    /// <summary>The subject, TLP label first: <c>[TLP:AMBER] CEC daily briefing 25 Nov 2026: title</c>.</summary>
    public static string Subject(Briefing briefing) =>
        $"[{briefing.Tlp.Display()}] CEC daily briefing {briefing.EditionDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}: {briefing.Title}";

    /// <summary>
    /// The same Message-ID for every send of one briefing to one member, so that a mail client folds a
    /// duplicate (the one message that may be in flight when a sender crashes) into the first copy.
    /// </summary>
    public static string MessageId(Guid briefingId, string memberId, string fromAddress)
    {
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at < fromAddress.Length - 1 ? fromAddress[(at + 1)..] : "cec.example";
        return $"briefing.{briefingId:N}.{memberId}@{domain}";
    }

    /// <summary>Where members read the briefing in the browser.</summary>
    public static string PortalPath(Briefing briefing) => $"/briefings/{briefing.EditionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Renders the briefing once; refuses TLP:RED, which is never emailed.</summary>
    public BriefingEmailTemplate Render(Briefing briefing)
    {
        if (!briefing.Tlp.MayBeEmailed())
        {
            throw new BriefingRuleException($"A {briefing.Tlp.Display()} briefing is never emailed: members read it on the portal only.");
        }

        var options = emailOptions.Value;
        var subject = Subject(briefing);
        var portalUrl = urls.Absolute(PortalPath(briefing));
        var profileUrl = urls.Absolute("/profile");
        return new BriefingEmailTemplate(
            briefing.Id,
            subject,
            // The stored body again through today's rules: one saved before remote images became links keeps none.
            BriefingEmailLayout.Html(briefing, markdown.Sanitize(briefing.BodyHtml), subject, portalUrl, profileUrl),
            BriefingEmailLayout.Text(briefing, portalUrl, profileUrl),
            urls.Absolute(UnsubscribePath),
            new MailboxAddress(options.FromName, options.FromAddress),
            tokens,
            dkim);
    }
}

/// <summary>
/// A rendered briefing email with two blanks per recipient: the name and the unsubscribe link. The fixed parts of
/// both bodies are quoted-printable encoded once, each ending in a soft line break, so a message only encodes its
/// recipient's few bytes and concatenates: the decoded text is exactly the filled-in template.
/// </summary>
public sealed class BriefingEmailTemplate
{
    private readonly Guid _briefingId;
    private readonly string[] _html;
    private readonly string[] _text;
    private readonly byte[][] _encodedHtml;
    private readonly byte[][] _encodedText;
    private readonly string _unsubscribeBase;
    private readonly MailboxAddress _from;
    private readonly UnsubscribeTokens _tokens;
    private readonly DkimSigning _dkim;

    internal BriefingEmailTemplate(Guid briefingId, string subject, string html, string text, string unsubscribeBase, MailboxAddress from, UnsubscribeTokens tokens, DkimSigning dkim)
    {
        _briefingId = briefingId;
        Subject = subject;
        _html = html.Split(BriefingEmailLayout.Slot);
        _text = text.Split(BriefingEmailLayout.Slot);
        _encodedHtml = Array.ConvertAll(_html, QuotedPrintable.Encode);
        _encodedText = Array.ConvertAll(_text, QuotedPrintable.Encode);
        _unsubscribeBase = unsubscribeBase;
        _from = from;
        _tokens = tokens;
        _dkim = dkim;
    }

    public string Subject { get; }

    public string UnsubscribeUrl(string memberId) => _unsubscribeBase + _tokens.Create(memberId);

    public string Html(BriefingRecipient recipient, string unsubscribeUrl) =>
        Fill(_html, HtmlName(recipient), WebUtility.HtmlEncode(unsubscribeUrl));

    public string Text(BriefingRecipient recipient, string unsubscribeUrl) => Fill(_text, recipient.FullName, unsubscribeUrl);

    /// <summary>
    /// A new message for one recipient (a <see cref="MimeMessage"/> is never shared between concurrent sends),
    /// with its stable Message-ID, one-click unsubscribe headers (RFC 8058) and, when configured, a DKIM signature.
    /// </summary>
    public MimeMessage ToMime(BriefingRecipient recipient, MailboxAddress to)
    {
        var unsubscribeUrl = UnsubscribeUrl(recipient.MemberId);
        var message = new MimeMessage();
        // A fresh sender address each time: an address added to a message's list is watched by that list, so a
        // shared instance would keep every message ever sent alive.
        message.From.Add(new MailboxAddress(_from.Name, _from.Address));
        message.To.Add(to);
        message.Subject = Subject;
        message.MessageId = BriefingEmail.MessageId(_briefingId, recipient.MemberId, _from.Address);
        message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add(HeaderId.ListId, $"CEC daily briefing <daily-briefing.{_from.Domain}>");
        message.Body = new MultipartAlternative
        {
            Part(TextFormat.Plain, _text, _encodedText, recipient.FullName, unsubscribeUrl),
            Part(TextFormat.Html, _html, _encodedHtml, HtmlName(recipient), WebUtility.HtmlEncode(unsubscribeUrl)),
        };
        _dkim.Sign(message);
        return message;
    }

    private static string HtmlName(BriefingRecipient recipient) => WebUtility.HtmlEncode(recipient.FullName);

    private static TextPart Part(TextFormat format, string[] segments, byte[][] encoded, string name, string unsubscribeUrl)
    {
        var encodedName = QuotedPrintable.Encode(name);
        var encodedUrl = QuotedPrintable.Encode(unsubscribeUrl);
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            length += (i % 2) switch
            {
                0 => encoded[i].Length,
                _ => segments[i] == BriefingEmailLayout.NameSlot ? encodedName.Length : encodedUrl.Length,
            };
        }

        var content = new MemoryStream(length);
        for (var i = 0; i < encoded.Length; i++)
        {
            content.Write((i % 2) switch
            {
                0 => encoded[i],
                _ => segments[i] == BriefingEmailLayout.NameSlot ? encodedName : encodedUrl,
            });
        }

        content.Position = 0;
        var part = new TextPart(format)
        {
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
            Content = new MimeContent(content, ContentEncoding.QuotedPrintable),
        };
        part.ContentType.Charset = "utf-8";
        return part;
    }

    private static string Fill(string[] segments, string name, string unsubscribeUrl)
    {
        var length = 0;
        foreach (var segment in segments)
        {
            length += segment.Length;
        }

        var builder = new StringBuilder(length + 4 * (name.Length + unsubscribeUrl.Length));
        for (var i = 0; i < segments.Length; i++)
        {
            // Even positions are literal text; odd positions name a blank.
            builder.Append((i % 2) switch
            {
                0 => segments[i],
                _ => segments[i] == BriefingEmailLayout.NameSlot ? name : unsubscribeUrl,
            });
        }

        return builder.ToString();
    }
}

/// <summary>Quoted-printable pieces that can be concatenated: each ends at a line end or with a soft line break.</summary>
internal static class QuotedPrintable
{
    private static readonly byte[] SoftBreak = "=\n"u8.ToArray();

    public static byte[] Encode(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var input = Encoding.UTF8.GetBytes(text);
        var encoder = new QuotedPrintableEncoder();
        var output = new byte[encoder.EstimateOutputLength(input.Length) + SoftBreak.Length];
        var length = encoder.Flush(input, 0, input.Length, output);
        if (length == 0 || output[length - 1] != (byte)'\n')
        {
            SoftBreak.CopyTo(output, length);
            length += SoftBreak.Length;
        }

        return output[..length];
    }
}

/// <summary>The email's layout: table-based, inline styles only (mail clients drop style sheets), 600 px wide.</summary>
internal static class BriefingEmailLayout
{
    public const char Slot = '\u0001';
    public const string NameSlot = "name";
    public const string UnsubscribeSlot = "unsubscribe";

    private const string Font = "font-family:Segoe UI,Helvetica,Arial,sans-serif;";

    private static readonly string Name = $"{Slot}{NameSlot}{Slot}";
    private static readonly string Unsubscribe = $"{Slot}{UnsubscribeSlot}{Slot}";

    public static string Html(Briefing briefing, string bodyHtml, string subject, string portalUrl, string profileUrl)
    {
        var html = new StringBuilder(bodyHtml.Length + 4096);
        var date = briefing.EditionDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:16px 8px;\">")
            .Append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;").Append(Font).Append("color:#1f2937;\">");

        // The TLP label comes first, as TLP 2.0 asks: coloured text on black.
        html.Append("<tr><td data-tlp=\"").Append(briefing.Tlp.CssName()).Append("\" style=\"background-color:#000000;padding:10px 24px;\">")
            .Append("<span style=\"color:").Append(TlpColour(briefing.Tlp)).Append(";font-weight:700;font-size:16px;letter-spacing:1px;").Append(Font).Append("\">")
            .Append(Encode(briefing.Tlp.Display())).Append("</span>")
            .Append("<span style=\"color:#dddddd;font-size:13px;").Append(Font).Append("\">&nbsp;&nbsp;").Append(Encode(briefing.Tlp.Meaning())).Append("</span>")
            .Append("</td></tr>");

        html.Append("<tr><td style=\"padding:20px 24px 0 24px;\">")
            .Append("<p style=\"margin:0;color:#0b3d91;font-weight:600;font-size:13px;\">CISOs European Community &middot; daily briefing</p>")
            .Append("<h1 style=\"margin:8px 0 4px 0;font-size:22px;line-height:1.3;color:#111827;\">").Append(Encode(briefing.Title)).Append("</h1>")
            .Append("<p style=\"margin:0;color:#6b7280;font-size:13px;\">").Append(Encode(date)).Append("</p>")
            .Append("</td></tr>");

        html.Append("<tr><td style=\"padding:16px 24px 8px 24px;font-size:15px;line-height:1.55;\">")
            .Append("<p style=\"margin:0 0 12px 0;\">Dear ").Append(Name).Append(",</p>")
            .Append(Clean(bodyHtml))
            .Append("</td></tr>");

        if (briefing.Vulnerabilities.Count > 0)
        {
            AppendVulnerabilities(html, briefing.Vulnerabilities);
        }

        html.Append("<tr><td style=\"padding:16px 24px 8px 24px;\">")
            .Append("<a href=\"").Append(Encode(portalUrl)).Append("\" style=\"display:inline-block;padding:10px 16px;background-color:#0b3d91;color:#ffffff;text-decoration:none;border-radius:4px;font-size:14px;\">Read it on the portal</a>")
            .Append("</td></tr>");

        html.Append("<tr><td style=\"padding:16px 24px 20px 24px;border-top:1px solid #e5e7eb;font-size:12px;line-height:1.5;color:#6b7280;\">")
            .Append("<p style=\"margin:0 0 8px 0;\">This briefing is marked ").Append(Encode(briefing.Tlp.Display())).Append(": ").Append(Encode(briefing.Tlp.Meaning())).Append("</p>")
            .Append("<p style=\"margin:0 0 8px 0;\">You receive this email because you are a member of the CISOs European Community and subscribed to the daily briefing. ")
            .Append("You can change this in <a href=\"").Append(Encode(profileUrl)).Append("\" style=\"color:#0b3d91;\">your profile</a>.</p>")
            .Append("<p style=\"margin:0;\"><a href=\"").Append(Unsubscribe).Append("\" style=\"color:#0b3d91;\">Unsubscribe from the daily briefing</a></p>")
            .Append("</td></tr>");

        html.Append("</table></td></tr></table></body></html>");
        return html.ToString();
    }

    public static string Text(Briefing briefing, string portalUrl, string profileUrl)
    {
        var text = new StringBuilder(briefing.BodyMarkdown.Length + 2048);
        text.Append(briefing.Tlp.Display()).Append(" - ").Append(briefing.Tlp.Meaning()).Append("\n\n")
            .Append("CISOs European Community - daily briefing, ")
            .Append(briefing.EditionDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("\n\n")
            .Append(Clean(briefing.Title)).Append('\n').Append(new string('=', Math.Min(briefing.Title.Length, 72))).Append("\n\n")
            .Append("Dear ").Append(Name).Append(",\n\n")
            .Append(Clean(briefing.BodyMarkdown.Trim())).Append("\n\n");

        if (briefing.Vulnerabilities.Count > 0)
        {
            text.Append("Vulnerabilities\n---------------\n");
            foreach (var entry in briefing.Vulnerabilities)
            {
                text.Append("- ").Append(Clean(entry.CveId)).Append(" (").Append(entry.Severity).Append(") ").Append(Clean(entry.Product)).Append(": ").Append(Clean(entry.Summary));
                if (MarkdownRenderer.IsSafeUrl(entry.Link))
                {
                    text.Append(" Advisory: ").Append(Clean(entry.Link!));
                }

                text.Append('\n');
            }

            text.Append('\n');
        }

        text.Append("Read it on the portal: ").Append(portalUrl).Append("\n\n")
            .Append("-- \n")
            .Append("This briefing is marked ").Append(briefing.Tlp.Display()).Append(".\n")
            .Append("You receive this email because you are a member of the CISOs European Community and subscribed to the daily briefing.\n")
            .Append("Your profile: ").Append(profileUrl).Append('\n')
            .Append("Unsubscribe: ").Append(Unsubscribe).Append('\n');
        return text.ToString();
    }

    /// <summary>The TLP 2.0 colours of the label text on its black background.</summary>
    public static string TlpColour(TlpLabel label) => label switch
    {
        TlpLabel.Clear => "#ffffff",
        TlpLabel.Green => "#33ff00",
        TlpLabel.Amber or TlpLabel.AmberStrict => "#ffc000",
        _ => "#ff2b2b",
    };

    private static void AppendVulnerabilities(StringBuilder html, IReadOnlyList<VulnerabilityEntry> entries)
    {
        const string cell = "padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:13px;vertical-align:top;";
        html.Append("<tr><td style=\"padding:8px 24px;\">")
            .Append("<h2 style=\"margin:8px 0;font-size:17px;color:#111827;\">Vulnerabilities</h2>")
            .Append("<table role=\"table\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;border-collapse:collapse;\" data-testid=\"vulnerabilities\">")
            .Append("<thead><tr>");
        foreach (var heading in new[] { "CVE", "Product", "Severity", "Summary" })
        {
            html.Append("<th align=\"left\" style=\"").Append(cell).Append("background-color:#f3f4f6;\">").Append(heading).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var entry in entries)
        {
            html.Append("<tr><td style=\"").Append(cell).Append("white-space:nowrap;\"><a href=\"").Append(Encode(MarkdownRenderer.CveRecordUrl(entry.CveId)))
                .Append("\" style=\"color:#0b3d91;\">").Append(Encode(entry.CveId)).Append("</a></td>")
                .Append("<td style=\"").Append(cell).Append("\">").Append(Encode(entry.Product)).Append("</td>")
                .Append("<td style=\"").Append(cell).Append("\"><span style=\"display:inline-block;padding:2px 6px;border-radius:3px;color:#ffffff;background-color:")
                .Append(SeverityColour(entry.Severity)).Append(";\">").Append(entry.Severity).Append("</span></td>")
                .Append("<td style=\"").Append(cell).Append("\">").Append(Encode(entry.Summary));
            if (MarkdownRenderer.IsSafeUrl(entry.Link))
            {
                html.Append(" <a href=\"").Append(Encode(entry.Link!)).Append("\" style=\"color:#0b3d91;\">Advisory</a>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></td></tr>");
    }

    private static string SeverityColour(VulnerabilitySeverity severity) => severity switch
    {
        VulnerabilitySeverity.Critical => "#7b0000",
        VulnerabilitySeverity.High => "#c62828",
        VulnerabilitySeverity.Medium => "#b26a00",
        VulnerabilitySeverity.Low => "#2e7d32",
        _ => "#6b7280",
    };

    private static string Encode(string value) => WebUtility.HtmlEncode(Clean(value));

    /// <summary>Content never contains the blank marker, so a briefing cannot open a blank of its own.</summary>
    private static string Clean(string value) => value.Contains(Slot, StringComparison.Ordinal) ? value.Replace(Slot.ToString(), string.Empty, StringComparison.Ordinal) : value;
}
