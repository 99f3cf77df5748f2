using System.Text.RegularExpressions;
using CecPortal.Web.Infrastructure.Email;

namespace CecPortal.Web.Features.Sharing.Notifications;

/// <summary>
/// The notification email: what happened in the sharing space while the member was away, by channel, each message with
/// its topic, author, a short excerpt and its permalink. A TLP:AMBER+STRICT or TLP:RED message shows only its label, its
/// channel and the link: neither its text nor its topic's subject or author leaves the portal. The subject line names no
/// channel, topic or person, as the outbox keeps it after sending.
/// </summary>
public static partial class DigestEmail
{
    public const int MaxItems = 25;
    public const int ExcerptLength = 200;
    public const string SettingsAnchor = "notification-settings";

    public static EmailMessage Compose(string to, string fullName, IReadOnlyList<DigestItem> items, PortalUrls urls)
    {
        var shown = items.OrderBy(i => i.Seq).Take(MaxItems).ToList();
        var subject = items.Any(i => i.MentionsYou)
            ? $"Sharing space: you were mentioned ({Count(items.Count, "new message")} in all)"
            : $"Sharing space: {Count(items.Count, "new message")} while you were away";
        List<string> lines = [$"Dear {fullName},", "While you were away from the portal:"];
        foreach (var channel in shown.GroupBy(i => (i.ChannelSlug, i.ChannelName)))
        {
            lines.Add($"In {channel.Key.ChannelName}:");
            lines.AddRange(channel.Select(item => Line(item, urls)));
        }

        if (items.Count > shown.Count)
        {
            lines.Add($"… and {Count(items.Count - shown.Count, "more message")}: open the sharing space to read them all.");
        }

        lines.Add("You receive this because you were mentioned, someone replied in a topic you started, or a channel notifies you of every message, and you had not been in the portal for a while. "
            + "To choose per channel between all messages, mentions only and nothing, or to mute a channel, open its notification settings:");
        lines.AddRange(shown.Select(i => (i.ChannelSlug, i.ChannelName)).Distinct()
            .Select(c => $"{c.ChannelName}: {urls.Absolute($"/sharing/c/{c.ChannelSlug}#{SettingsAnchor}")}"));
        return EmailTemplate.Compose(to, subject, lines, ("Open the sharing space", urls.Absolute("/sharing")));
    }

    /// <summary>The first words of a message as plain text, on one line.</summary>
    public static string Excerpt(string markdown)
    {
        var text = Whitespace().Replace(Markdig.Markdown.ToPlainText(markdown ?? string.Empty), " ").Trim();
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
    }

    private static string Line(DigestItem item, PortalUrls urls)
    {
        var link = urls.Absolute($"/sharing/m/{item.MessageId}");
        var why = item.MentionsYou ? " (you were mentioned)" : item.InYourTopic ? " (a reply in your topic)" : string.Empty;
        if (!item.MayBeQuoted)
        {
            return $"• A {item.Tlp.Display()} message in {item.ChannelName}{why}. Read it in the portal: {link}";
        }

        var author = item.AuthorName ?? "A former member";
        return $"• {item.TopicSubject}: {author}{why}, {item.Tlp.Display()}: “{Excerpt(item.BodyMarkdown)}” {link}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
