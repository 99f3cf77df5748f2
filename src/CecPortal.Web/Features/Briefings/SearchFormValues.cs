namespace CecPortal.Web.Features.Briefings;

/// <summary>What the search form shows: the values as typed, and the label to preselect.</summary>
public sealed record SearchFormValues(string? Q, string? From, string? To, TlpLabel? SelectedTlp, string? UnknownTlp, IReadOnlySet<string> InvalidFields)
{
    public static readonly SearchFormValues Empty = new(null, null, null, null, null, new HashSet<string>());

    /// <summary>Bootstrap's invalid style for a field the message list complains about.</summary>
    public string FieldClass(string field, string baseClass) => InvalidFields.Contains(field) ? baseClass + " is-invalid" : baseClass;
}
