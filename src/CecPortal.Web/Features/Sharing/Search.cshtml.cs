using CecPortal.Web.Features.Sharing.Search;
using CecPortal.Web.Infrastructure.Search;

namespace CecPortal.Web.Features.Sharing;

/// <summary>
/// Full-text search over the messages the member may read, with channel and date filters (a GET form). Bad input gets a
/// message and stays in the form as typed; nothing is searched until it is fixed. A channel the member may not read is
/// "not in the list", exactly like one that does not exist.
/// </summary>
public sealed class SearchModel(MessageSearcher searcher) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "channel")]
    public string? ChannelSlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SearchChannel> Channels { get; private set; } = [];

    /// <summary>A channel typed into the address that is not in the list, shown back as such.</summary>
    public string? UnknownChannel { get; private set; }

    public IReadOnlyList<SearchProblem> Errors { get; private set; } = [];

    public IReadOnlySet<string> InvalidFields { get; private set; } = new HashSet<string>();

    /// <summary>Null when nothing was searched: an empty form, or input to fix.</summary>
    public PageOf<MessageSearchHit>? Results { get; private set; }

    public bool HasText => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Actor.Of(User).Id;
        Channels = await searcher.ChannelsAsync(userId, cancellationToken);
        var check = new SearchFormCheck();
        check.CheckText(Q);
        var (from, to) = check.CheckDates(From, To);
        Guid? channelId = null;
        if (!string.IsNullOrWhiteSpace(ChannelSlug))
        {
            channelId = Channels.FirstOrDefault(c => string.Equals(c.Slug, ChannelSlug.Trim(), StringComparison.Ordinal))?.Id;
            if (channelId is null)
            {
                UnknownChannel = ChannelSlug;
                check.Add("channel", "Choose a channel from the list: it holds every channel you may read.");
            }
        }

        Errors = check.Problems;
        InvalidFields = check.InvalidFields;
        var search = new MessageSearch(Q, channelId, from, to);
        if (check.IsValid && !search.IsEmpty)
        {
            Results = await searcher.SearchAsync(userId, search, PageNumber, cancellationToken);
        }
    }

    /// <summary>Bootstrap's invalid style for a field the message list complains about.</summary>
    public string FieldClass(string field, string baseClass) => InvalidFields.Contains(field) ? baseClass + " is-invalid" : baseClass;
}
