namespace CecPortal.Web.Features.Briefings;

/// <summary>
/// Full-text search of the readable briefings with date and TLP filters (a GET form). Bad filters get a message and
/// stay in the form as typed; nothing is searched until they are fixed.
/// </summary>
public sealed class SearchModel(BriefingReader reader) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "tlp")]
    public string? Tlp { get; set; }

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchFormValues Form { get; private set; } = SearchFormValues.Empty;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Null when the filters were invalid and nothing was searched.</summary>
    public PageOf<SearchHit>? Results { get; private set; }

    public bool HasText => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var search = Validate(errors, invalid, out var selectedTlp, out var unknownTlp);
        Form = new SearchFormValues(Q, From, To, selectedTlp, unknownTlp, invalid);
        Errors = errors;
        if (search is not null)
        {
            Results = await reader.SearchAsync(search, PageNumber, cancellationToken);
        }
    }

    private BriefingSearch? Validate(List<string> errors, HashSet<string> invalid, out TlpLabel? selectedTlp, out string? unknownTlp)
    {
        selectedTlp = null;
        unknownTlp = null;
        if (Q is { Length: > BriefingReader.MaxQueryLength })
        {
            errors.Add($"Search for at most {BriefingReader.MaxQueryLength} characters.");
            invalid.Add("q");
        }

        var from = ParseDate(From, "From", errors, invalid);
        var to = ParseDate(To, "To", errors, invalid);
        if (from is not null && to is not null && from > to)
        {
            errors.Add("The \"From\" date is after the \"To\" date.");
            invalid.Add("from");
            invalid.Add("to");
        }

        if (!string.IsNullOrWhiteSpace(Tlp))
        {
            if (TlpRules.TryParse(Tlp, out var label))
            {
                selectedTlp = label;
            }
            else
            {
                unknownTlp = Tlp;
                invalid.Add("tlp");
                errors.Add("Choose a TLP label from the list (CLEAR, GREEN, AMBER, AMBER+STRICT or RED).");
            }
        }

        return errors.Count == 0 ? new BriefingSearch(Q, from, to, selectedTlp) : null;
    }

    private static DateOnly? ParseDate(string? text, string name, List<string> errors, HashSet<string> invalid)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (BriefingDates.TryParse(text, out var date))
        {
            return date;
        }

        errors.Add($"The \"{name}\" date is not a valid date: use the form 2026-11-25.");
        invalid.Add(name.ToLowerInvariant());
        return null;
    }
}
