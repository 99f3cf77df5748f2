namespace CecPortal.Web.Features.Privacy;

/// <summary>
/// One published version of the privacy notice. Versions are never edited: an Admin publishes a new one, and every
/// signed-in person is asked to accept it before going on. Version 1 ships with the portal (see <see cref="InitialPrivacyNotice"/>).
/// </summary>
public sealed class PrivacyNotice
{
    public const int MaxMarkdownLength = 20_000;
    public const int MaxChangeSummaryLength = 500;

    private PrivacyNotice()
    {
    }

    public int Version { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>The notice in Markdown, rendered with the portal's safe Markdown renderer.</summary>
    public string Markdown { get; private set; } = string.Empty;

    /// <summary>What changed since the previous version, shown on the accept page.</summary>
    public string? ChangeSummary { get; private set; }

    /// <summary>Display name of the Admin who published it; null for the version shipped with the portal.</summary>
    public string? PublishedBy { get; private set; }

    /// <summary>The next version after <paramref name="currentVersion"/>; the text and summary must be given.</summary>
    public static PrivacyNotice Publish(int currentVersion, string markdown, string changeSummary, string publishedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            throw new PrivacyRuleException("Write the text of the notice.");
        }

        if (string.IsNullOrWhiteSpace(changeSummary))
        {
            throw new PrivacyRuleException("Say in a sentence what changed: members read it before accepting.");
        }

        return new PrivacyNotice
        {
            Version = currentVersion + 1,
            PublishedAt = now,
            Markdown = markdown.Trim(),
            ChangeSummary = changeSummary.Trim(),
            PublishedBy = publishedBy,
        };
    }

    internal static PrivacyNotice Initial() => new()
    {
        Version = 1,
        PublishedAt = InitialPrivacyNotice.PublishedAt,
        Markdown = InitialPrivacyNotice.Markdown,
    };
}
