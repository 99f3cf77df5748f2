using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Text;

namespace CecPortal.Web.Features.Briefings.Delivery;

/// <summary>
/// A rendered briefing email with two blanks per recipient: the name and the unsubscribe link. The fixed parts of
/// both bodies are quoted-printable encoded once, each ending in a soft line break, so a message only encodes its
/// recipient's few bytes and concatenates: the decoded text is exactly the filled-in template.
/// </summary>
public sealed class BriefingEmailTemplate : IDeliveryTemplate
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
    public MimeMessage ToMime(BriefingRecipient recipient, MailboxAddress address)
    {
        var unsubscribeUrl = UnsubscribeUrl(recipient.MemberId);
        var message = new MimeMessage();
        // A fresh sender address each time: an address added to a message's list is watched by that list, so a
        // shared instance would keep every message ever sent alive.
        message.From.Add(new MailboxAddress(_from.Name, _from.Address));
        message.To.Add(address);
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
