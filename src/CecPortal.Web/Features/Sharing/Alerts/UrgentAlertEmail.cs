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
        var title = WebUtility.HtmlEncode(alert.Title);
        var label = message.Tlp.Display();
        string html, text;
        if (TitleOnly(message.Tlp))
        {
            var why = $"This alert is {label}: its content is not sent by email. Read it on the portal, signed in.";
            html = Wrap($"<h1 style=\"font-size:20px\">{title}</h1><p><strong>{WebUtility.HtmlEncode(label)}</strong></p><p>{WebUtility.HtmlEncode(why)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Open the alert</a></p>");
            text = $"{alert.Title}\n{label}\n\n{why}\n\nOpen the alert: {link}\n";
        }
        else
        {
            var channel = WebUtility.HtmlEncode(channelName);
            html = Wrap(
                $"<h1 style=\"font-size:20px\">{title}</h1><p><strong>{WebUtility.HtmlEncode(label)}</strong> · urgent alert in {channel}</p>"
                + $"<div>{markdown.Sanitize(message.BodyHtml)}</div>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Open the alert and its topic</a></p>");
            text = $"{alert.Title}\n{label} · urgent alert in {channelName}\n\n{message.BodyMarkdown}\n\nOpen the alert and its topic: {link}\n";
        }

        var settings = "You receive urgent alerts of the channels you read; turn them off for a channel on its page.";
        html = html.Replace("</body>", $"<p style=\"color:#666;font-size:12px\">{WebUtility.HtmlEncode(settings)}</p></body>", StringComparison.Ordinal);
        text += $"\n{settings}\n";
        return new Template(alert.Id, Subject(alert.Title, message.Tlp), html, text, new MailboxAddress(options.FromName, options.FromAddress), dkim);
    }

    private static string Wrap(string content) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif\">{content}</body></html>";

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
