using System.Text;

namespace CecPortal.Web.Infrastructure.Email;

/// <summary>The portal's everyday email: a heading, paragraphs and an optional call to action, in the <see cref="EmailShell"/>, as HTML and text.</summary>
public static class EmailTemplate
{
    public static EmailMessage Compose(string to, string subject, IEnumerable<string> paragraphs, (string Label, string Url)? action = null)
    {
        var lines = paragraphs.ToList();
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            body.Append("<p style=\"margin:0 0 12px 0;\">").Append(EmailShell.Encode(line)).Append("</p>");
        }

        var text = new StringBuilder();
        text.Append(subject).Append("\n\n");
        foreach (var line in lines)
        {
            text.Append(line).Append("\n\n");
        }

        if (action is { } a)
        {
            body.Append("<p style=\"margin:16px 0 12px 0;\">").Append(EmailShell.Button(a.Label, a.Url)).Append("</p>")
                .Append(EmailShell.SmallPrint("If the button does not work, copy this address into your browser: " + EmailShell.Encode(a.Url)));
            text.Append(a.Label).Append(": ").Append(a.Url).Append("\n\n");
        }

        var html = EmailShell.Document(
            subject,
            EmailShell.Header(subject)
            + EmailShell.Row(body.ToString())
            + EmailShell.Footer(EmailShell.SmallPrint("You receive this message because of your account with the CISOs European Community portal.")));
        text.Append(EmailShell.SignatureDelimiter).Append("CISOs European Community portal\n");
        return new EmailMessage(to, subject, html, text.ToString());
    }
}
