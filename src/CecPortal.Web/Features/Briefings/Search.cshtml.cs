using CecPortal.Web.Infrastructure.Search;

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

    public IReadOnlyList<SearchProblem> Errors { get; private set; } = [];

    /// <summary>Null when the filters were invalid and nothing was searched.</summary>
    public PageOf<SearchHit>? Results { get; private set; }

    public bool HasText => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var check = new SearchFormCheck();
        var search = Validate(check, out var selectedTlp, out var unknownTlp);
        Form = new SearchFormValues(Q, From, To, selectedTlp, unknownTlp, check.InvalidFields);
        Errors = check.Problems;
        if (search is not null)
        {
            Results = await reader.SearchAsync(search, PageNumber, cancellationToken);
        }
    }

    private BriefingSearch? Validate(SearchFormCheck check, out TlpLabel? selectedTlp, out string? unknownTlp)
    {
        selectedTlp = null;
        unknownTlp = null;
        check.CheckText(Q);
        var (from, to) = check.CheckDates(From, To);
        if (!string.IsNullOrWhiteSpace(Tlp))
        {
            if (TlpRules.TryParse(Tlp, out var label))
            {
                selectedTlp = label;
            }
            else
            {
                unknownTlp = Tlp;
                check.Add("tlp", "Choose a TLP label from the list (CLEAR, GREEN, AMBER, AMBER+STRICT or RED).");
            }
        }

        return check.IsValid ? new BriefingSearch(Q, from, to, selectedTlp) : null;
    }
}
