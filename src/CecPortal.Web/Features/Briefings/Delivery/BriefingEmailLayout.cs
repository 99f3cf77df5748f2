using System.Net;
using System.Text;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Markdown;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>The briefing's rows in the portal's <see cref="EmailShell"/>: the TLP banner, the edition, the body, its vulnerabilities.</summary>
internal static class BriefingEmailLayout
{
    public const char Slot = '\u0001';
    public const string NameSlot = "name";
    public const string UnsubscribeSlot = "unsubscribe";

    private const string Font = EmailShell.Font;

    private static readonly string Name = $"{Slot}{NameSlot}{Slot}";
    private static readonly string Unsubscribe = $"{Slot}{UnsubscribeSlot}{Slot}";

    public static string Html(Briefing briefing, string bodyHtml, string subject, string portalUrl, string profileUrl)
    {
        var html = new StringBuilder(bodyHtml.Length + 4096);
        var date = briefing.EditionDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

        // The TLP label comes first, as TLP 2.0 asks: coloured text on black.
        html.Append(TlpBanner(briefing.Tlp));

        html.Append("<tr><td style=\"padding:20px 24px 0 24px;\">")
            .Append("<p class=\"cec-brand\" style=\"margin:0;color:").Append(EmailShell.LinkColour).Append(";font-weight:600;font-size:13px;\">CISOs European Community &middot; daily briefing</p>")
            .Append("<h1 style=\"margin:8px 0 4px 0;font-size:22px;line-height:1.3;color:#111827;\">").Append(Encode(briefing.Title)).Append("</h1>")
            .Append("<p class=\"").Append(EmailShell.MutedClass).Append("\" style=\"margin:0;color:").Append(EmailShell.MutedColour).Append(";font-size:13px;\">").Append(Encode(date)).Append("</p>")
            .Append("</td></tr>");

        html.Append("<tr><td style=\"padding:16px 24px 8px 24px;\">")
            .Append("<p style=\"margin:0 0 12px 0;\">Dear ").Append(Name).Append(",</p>")
            .Append(Clean(bodyHtml))
            .Append("</td></tr>");

        if (briefing.Vulnerabilities.Count > 0)
        {
            AppendVulnerabilities(html, briefing.Vulnerabilities);
        }

        html.Append(EmailShell.Row(EmailShell.Button("Read it on the portal", portalUrl)));

        html.Append(EmailShell.Footer(
            EmailShell.SmallPrint($"This briefing is marked {Encode(briefing.Tlp.Display())}: {Encode(briefing.Tlp.Meaning())}")
            + EmailShell.SmallPrint("You receive this email because you are a member of the CISOs European Community and subscribed to the daily briefing. "
                + $"You can change this in {EmailShell.Link("your profile", profileUrl)}.")
            + EmailShell.SmallPrint($"<a href=\"{Unsubscribe}\" style=\"color:{EmailShell.LinkColour};\">Unsubscribe from the daily briefing</a>")));

        return EmailShell.Document(Clean(subject), html.ToString());
    }

    /// <summary>The card's first row: the TLP label in its TLP 2.0 colour on black, and what it means.</summary>
    public static string TlpBanner(TlpLabel tlp) =>
        $"<tr><td data-tlp=\"{tlp.CssName()}\" style=\"background-color:#000000;padding:10px 24px;\">"
        + $"<span style=\"color:{TlpColour(tlp)};font-weight:700;font-size:16px;letter-spacing:1px;{Font}\">{Encode(tlp.Display())}</span>"
        + $"<span style=\"color:#dddddd;font-size:13px;{Font}\">&nbsp;&nbsp;{Encode(tlp.Meaning())}</span>"
        + "</td></tr>";

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
            html.Append("<th align=\"left\" class=\"").Append(EmailShell.HeadClass).Append("\" style=\"").Append(cell).Append("background-color:#f3f4f6;\">").Append(heading).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var entry in entries)
        {
            html.Append("<tr><td style=\"").Append(cell).Append("white-space:nowrap;\"><a href=\"").Append(Encode(MarkdownRenderer.CveRecordUrl(entry.CveId)))
                .Append("\" style=\"color:").Append(EmailShell.LinkColour).Append(";\">").Append(Encode(entry.CveId)).Append("</a></td>")
                .Append("<td style=\"").Append(cell).Append("\">").Append(Encode(entry.Product)).Append("</td>")
                .Append("<td style=\"").Append(cell).Append("\"><span style=\"display:inline-block;padding:2px 6px;border-radius:3px;color:#ffffff;background-color:")
                .Append(SeverityColour(entry.Severity)).Append(";\">").Append(entry.Severity).Append("</span></td>")
                .Append("<td style=\"").Append(cell).Append("\">").Append(Encode(entry.Summary));
            if (MarkdownRenderer.IsSafeUrl(entry.Link))
            {
                html.Append(' ').Append(EmailShell.Link("Advisory", Clean(entry.Link!)));
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></td></tr>");
    }

    /// <summary>Badge backgrounds under white text, each at least 4.5:1 (medium was #b26a00, 4.2:1).</summary>
    private static string SeverityColour(VulnerabilitySeverity severity) => severity switch
    {
        VulnerabilitySeverity.Critical => "#7b0000",
        VulnerabilitySeverity.High => "#c62828",
        VulnerabilitySeverity.Medium => "#995c00",
        VulnerabilitySeverity.Low => "#2e7d32",
        _ => "#4b5563",
    };

    private static string Encode(string value) => WebUtility.HtmlEncode(Clean(value));

    /// <summary>Content never contains the blank marker, so a briefing cannot open a blank of its own.</summary>
    private static string Clean(string value) => value.Contains(Slot, StringComparison.Ordinal) ? value.Replace(Slot.ToString(), string.Empty, StringComparison.Ordinal) : value;
}
