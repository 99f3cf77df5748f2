namespace CecPortal.Web.Infrastructure.Web;

/// <summary>Turns what a person typed into a LIKE/ILIKE pattern that matches it literally, anywhere in the text.</summary>
public static class SearchPattern
{
    public const string EscapeCharacter = "\\";

    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
