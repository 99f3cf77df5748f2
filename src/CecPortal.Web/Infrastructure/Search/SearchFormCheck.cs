namespace CecPortal.Web.Infrastructure.Search;

/// <summary>
/// What every search form shares: the text and the from/to dates as typed (a GET form binds them as strings), checked
/// the same way. Each problem is kept with the field it concerns, so the form re-shows what was typed, marked invalid,
/// above a list of the messages; nothing is searched until they are fixed.
/// </summary>
public sealed class SearchFormCheck
{
    /// <summary>The longest search text accepted; longer queries are refused with a message.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>How dates are typed (and sent by <c>&lt;input type="date"&gt;</c>): ISO, e.g. 2026-11-25.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    private readonly List<SearchProblem> _problems = [];
    private readonly HashSet<string> _invalid = new(StringComparer.Ordinal);

    public IReadOnlyList<SearchProblem> Problems => _problems;

    public IReadOnlySet<string> InvalidFields => _invalid;

    public bool IsValid => _problems.Count == 0;

    public void Add(string field, string message)
    {
        _problems.Add(new SearchProblem(field, message));
        _invalid.Add(field);
    }

    /// <summary>The text of field <c>q</c>, refused when longer than <see cref="MaxQueryLength"/>.</summary>
    public void CheckText(string? text)
    {
        if (text is { Length: > MaxQueryLength })
        {
            Add("q", $"Search for at most {MaxQueryLength} characters.");
        }
    }

    /// <summary>The fields <c>from</c> and <c>to</c>: each a valid date if given, and not in the wrong order.</summary>
    public (DateOnly? From, DateOnly? To) CheckDates(string? from, string? to)
    {
        var first = Date(from, "From");
        var last = Date(to, "To");
        if (first is not null && last is not null && first > last)
        {
            Add("from", "The \"From\" date is after the \"To\" date.");
            _invalid.Add("to");
        }

        return (first, last);
    }

    private DateOnly? Date(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(name.ToLowerInvariant(), $"The \"{name}\" date is not a valid date: use the form 2026-11-25.");
        return null;
    }
}
