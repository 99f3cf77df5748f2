using System.Security.Cryptography;
using System.Text;
using CecPortal.Web.Infrastructure.Email;
using MimeKit;

namespace CecPortal.Web.Features.Deliverability;

/// <summary>
/// Reads a message from the bounce mailbox with MimeKit: a delivery status notification (<c>multipart/report;
/// report-type=delivery-status</c>, the shape Postfix, Exchange and Gmail send) or a feedback report
/// (<c>report-type=feedback-report</c>, ARF). The message it is about is found by the VERP token: in the address the
/// report was delivered to (<c>Delivered-To</c>, <c>X-Original-To</c>, <c>To</c>), or in the returned message's own
/// headers (<see cref="ReturnPath.TokenHeader"/>, <c>Return-Path</c>), which feedback reports quote.
/// </summary>
public sealed class BounceReportReader(ReturnPath returnPath)
{
    private static readonly string[] DeliveredToHeaders = ["Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To"];

    /// <summary>
    /// The bounce or complaint in <paramref name="message"/>; <see cref="BounceReading.Unreadable"/> when it is not a
    /// report the portal understands (kept for a person to read), <see cref="BounceReading.NothingToCount"/> for a
    /// report of success.
    /// </summary>
    public BounceReading Read(MimeMessage message)
    {
        var report = message.Body as MultipartReport ?? message.BodyParts.OfType<MultipartReport>().FirstOrDefault();
        if (report is null)
        {
            return BounceReading.Unreadable;
        }

        var key = KeyOf(message);
        var returned = ReturnedHeaders(report);
        var token = TokenFrom(message.Headers) ?? TokenFrom(returned);
        if (string.Equals(report.ReportType, "feedback-report", StringComparison.OrdinalIgnoreCase))
        {
            return new BounceReading(ReadFeedback(report, key, token, returned));
        }

        if (!string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase)
            || report.OfType<MessageDeliveryStatus>().FirstOrDefault() is not { } status)
        {
            return BounceReading.Unreadable;
        }

        // The first group holds the per-message fields; each later one a recipient. Our messages have one recipient.
        foreach (var group in status.StatusGroups.Skip(1))
        {
            var action = group["Action"]?.Trim().ToLowerInvariant();
            var code = StatusCode(group["Status"]);
            if (code is null || action is not ("failed" or "delayed"))
            {
                continue;
            }

            var kind = code.StartsWith('5') && action == "failed" ? BounceKind.Hard : BounceKind.Soft;
            return new BounceReading(new BounceReport(key, kind, BounceSource.DeliveryReport, token, code, Unfold(group["Diagnostic-Code"])));
        }

        // A report of success (delivered, relayed, expanded): nothing to count, and nothing for a person to read.
        return status.StatusGroups.Skip(1).Any() ? BounceReading.NothingToCount : BounceReading.Unreadable;
    }

    private static BounceReport ReadFeedback(MultipartReport report, string key, ReturnToken? token, HeaderList? returned)
    {
        var feedback = report.OfType<MessageFeedbackReport>().FirstOrDefault();
        var type = feedback?.Fields["Feedback-Type"]?.Trim().ToLowerInvariant() ?? "abuse";
        return new BounceReport(key, BounceKind.Complaint, BounceSource.FeedbackReport, token, type, null, UnsubscribeTokenOf(returned));
    }

    private ReturnToken? TokenFrom(HeaderList? headers)
    {
        if (headers is null)
        {
            return null;
        }

        if (returnPath.Read(headers[ReturnPath.TokenHeader]) is { } stamped)
        {
            return stamped;
        }

        foreach (var name in DeliveredToHeaders.Append("Return-Path"))
        {
            foreach (var header in headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                var addresses = InternetAddressList.TryParse(header.Value, out var list)
                    ? list.Mailboxes.Select(m => m.Address)
                    : [header.Value];
                foreach (var address in addresses)
                {
                    if (returnPath.ReadAddress(address) is { } token)
                    {
                        return token;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The headers of the message the report is about: a <c>message/rfc822</c> or <c>text/rfc822-headers</c> part.</summary>
    private static HeaderList? ReturnedHeaders(MultipartReport report)
    {
        foreach (var part in report.Skip(1))
        {
            switch (part)
            {
                case MessagePart { Message: { } returned }:
                    return returned.Headers;
                case TextPart text when text.ContentType.IsMimeType("text", "rfc822-headers"):
                    using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.Text)))
                    {
                        return HeaderList.Load(stream);
                    }
            }
        }

        return null;
    }

    private static string? UnsubscribeTokenOf(HeaderList? headers)
    {
        var value = headers?["List-Unsubscribe"];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var start = value.IndexOf(UnsubscribeTokens.LinkPath, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var token = value[(start + UnsubscribeTokens.LinkPath.Length)..];
        var end = token.IndexOfAny(['>', '?', '#', ',', ' ']);
        return end < 0 ? token : token[..end];
    }

    /// <summary>"5.1.1" from "5.1.1 (bad destination mailbox address)"; null unless it is an enhanced status code.</summary>
    private static string? StatusCode(string? value)
    {
        var code = value?.Trim().Split(' ', 2)[0];
        return code is { Length: >= 5 } && code[0] is '2' or '4' or '5' && code[1] == '.' ? code : null;
    }

    private static string? Unfold(string? value) => value?.ReplaceLineEndings(" ").Trim();

    /// <summary>The report's Message-ID; without one, a hash of its headers (the same message read twice gives the same key).</summary>
    private static string KeyOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
        {
            return "mid:" + message.MessageId;
        }

        var text = string.Join('\n', message.Headers.Select(h => h.Field + ":" + h.Value));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
