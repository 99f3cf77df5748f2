namespace CecPortal.Web.Infrastructure.Search;

/// <summary>One problem of a search form, with the field (its name and id) it concerns, for the link to that field.</summary>
public sealed record SearchProblem(string Field, string Message)
{
    /// <summary>The id of the list of problems above a search form, which each refused field names as its description.</summary>
    public const string SummaryId = "search-errors";

    /// <summary>The attributes of a field in the list (null, so Razor leaves them out, for a field that is fine).</summary>
    public static string? AriaInvalid(IReadOnlySet<string> invalidFields, string field) => invalidFields.Contains(field) ? "true" : null;

    public static string? DescribedBy(IReadOnlySet<string> invalidFields, string field) => invalidFields.Contains(field) ? SummaryId : null;
}
