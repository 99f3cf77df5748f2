using System.Text;
using System.Text.Encodings.Web;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>The portal's one email layout: a heading, paragraphs and an optional call to action, as HTML and text.</summary>
public static class EmailTemplate
{
    public static EmailMessage Compose(string to, string subject, IEnumerable<string> paragraphs, (string Label, string Url)? action = null)
    {
        var lines = paragraphs.ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif;color:#1f2937;max-width:600px;margin:auto\">");
        html.Append("<p style=\"font-weight:600;color:#0b3d91\">CISOs European Community</p>");
        html.Append("<h1 style=\"font-size:20px\">").Append(HtmlEncoder.Default.Encode(subject)).Append("</h1>");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(HtmlEncoder.Default.Encode(line)).Append("</p>");
        }

        var text = new StringBuilder();
        text.Append(subject).Append("\n\n");
        foreach (var line in lines)
        {
            text.Append(line).Append("\n\n");
        }

        if (action is { } a)
        {
            var url = HtmlEncoder.Default.Encode(a.Url);
            html.Append("<p><a href=\"").Append(url).Append("\" style=\"display:inline-block;padding:10px 16px;background:#0b3d91;color:#fff;text-decoration:none;border-radius:4px\">")
                .Append(HtmlEncoder.Default.Encode(a.Label)).Append("</a></p>");
            html.Append("<p style=\"font-size:12px;color:#6b7280\">If the button does not work, copy this address into your browser: ")
                .Append(url).Append("</p>");
            text.Append(a.Label).Append(": ").Append(a.Url).Append("\n\n");
        }

        html.Append("<p style=\"font-size:12px;color:#6b7280\">You receive this message because of your account with the CISOs European Community portal.</p></body></html>");
        text.Append("-- \nCISOs European Community portal\n");
        return new EmailMessage(to, subject, html.ToString(), text.ToString());
    }
}
