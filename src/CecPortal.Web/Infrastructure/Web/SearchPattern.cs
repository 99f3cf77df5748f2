namespace CecPortal.Web.Infrastructure.Web;

/// <summary>Turns what a person typed into a LIKE/ILIKE pattern that matches it literally, anywhere in the text.</summary>
public static class SearchPattern
{
    public const string EscapeCharacter = "\\";

    public static string Contains(string text) => "%" + Exactly(text) + "%";

    /// <summary>A pattern that matches the trimmed text exactly (with ILIKE: ignoring case), e.g. an email address.</summary>
    public static string Exactly(string text) =>
        text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
