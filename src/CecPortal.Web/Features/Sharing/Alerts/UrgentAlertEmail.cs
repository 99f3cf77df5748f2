using System.Net;
using CecPortal.Web.Features.Briefings.Delivery;
using CecPortal.Web.Features.Sharing.Topics;
using CecPortal.Web.Infrastructure.Email;
using CecPortal.Web.Infrastructure.Markdown;
using MimeKit;

namespace CecPortal.Web.Features.Sharing.Alerts;

/// <summary>
/// Composes an urgent alert's email once per send pass. TLP:CLEAR, GREEN and AMBER alerts carry the title, the channel,
/// the message (its sanitised HTML, its Markdown source as plain text) and a link; TLP:AMBER+STRICT and TLP:RED alerts
/// carry only the title and the link: their content stays on the portal, behind the read check. Links are absolute,
/// from <c>Portal:Origin</c>, never from the request.
/// </summary>
public sealed class UrgentAlertEmail(PortalUrls urls, DkimSigning dkim, MarkdownRenderer markdown, IOptions<EmailOptions> emailOptions)
{
    /// <summary>Labels whose alerts email the title and the link only.</summary>
    public static bool TitleOnly(TlpLabel tlp) => tlp is TlpLabel.AmberStrict or TlpLabel.Red;

    public static string Subject(string title, TlpLabel tlp) => $"[{tlp.Display()}] CEC urgent alert: {title}";

    public static string PermalinkPath(Guid messageId) => $"/sharing/m/{messageId}";

    public IDeliveryTemplate Render(UrgentAlert alert, Message message, string channelName)
    {
        var options = emailOptions.Value;
        var link = urls.Absolute(PermalinkPath(message.Id));
        var label = message.Tlp.Display();
        string body, text;
        if (TitleOnly(message.Tlp))
        {
            var why = $"This alert is {label}: its content is not sent by email. Read it on the portal, signed in.";
            body = EmailShell.Row($"<p style=\"margin:0 0 12px 0;\">{WebUtility.HtmlEncode(why)}</p><p style=\"margin:0;\">{EmailShell.Button("Open the alert", link)}</p>");
            text = $"{alert.Title}\n{label}\n\n{why}\n\nOpen the alert: {link}\n";
        }
        else
        {
            body = EmailShell.Row(
                $"<p style=\"margin:0 0 12px 0;\"><strong>{WebUtility.HtmlEncode(label)}</strong> · urgent alert in {WebUtility.HtmlEncode(channelName)}</p>"
                + $"<div>{markdown.Sanitize(message.BodyHtml)}</div>"
                + $"<p style=\"margin:16px 0 0 0;\">{EmailShell.Button("Open the alert and its topic", link)}</p>");
            text = $"{alert.Title}\n{label} · urgent alert in {channelName}\n\n{message.BodyMarkdown}\n\nOpen the alert and its topic: {link}\n";
        }

        const string settings = "You receive urgent alerts of the channels you read; turn them off for a channel on its page.";
        var html = EmailShell.Document(
            alert.Title,
            BriefingEmailLayout.TlpBanner(message.Tlp)
            + EmailShell.Header(alert.Title, "CISOs European Community · urgent alert")
            + body
            + EmailShell.Footer(EmailShell.SmallPrint(WebUtility.HtmlEncode(settings))));
        text = EmailShell.TextWithLinksOf(html, $"{text}\n{EmailShell.SignatureDelimiter}{settings}\n");
        return new Template(alert.Id, Subject(alert.Title, message.Tlp), html, text, new MailboxAddress(options.FromName, options.FromAddress), dkim);
    }

    private sealed class Template(Guid alertId, string subject, string html, string text, MailboxAddress from, DkimSigning dkim) : IDeliveryTemplate
    {
        public MimeMessage ToMime(BriefingRecipient recipient, MailboxAddress address)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(from.Name, from.Address));
            message.To.Add(address);
            message.Subject = subject;
            message.MessageId = $"alert.{alertId:N}.{recipient.MemberId}@{from.Domain}";
            message.Body = new BodyBuilder { HtmlBody = html, TextBody = text }.ToMessageBody();
            dkim.Sign(message);
            return message;
        }
    }
}
