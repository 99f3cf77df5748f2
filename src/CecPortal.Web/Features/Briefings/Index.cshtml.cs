namespace CecPortal.Web.Features.Briefings;

/// <summary>Today's briefing in full (when it is out), then the archive newest first.</summary>
public sealed class IndexModel(BriefingReader reader) : PageModel
{
    /// <summary>"p", because Razor Pages keeps "page" as a route value for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }

    /// <summary>Today's edition when it is readable, shown in full on the first page.</summary>
    public BriefingView? TodaysBriefing { get; private set; }

    public PageOf<ArchiveEntry> Archive { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = reader.Today();
        var todays = await reader.FindAsync(Today, cancellationToken);
        Archive = await reader.ArchiveAsync(PageNumber, todays?.EditionDate, cancellationToken);
        TodaysBriefing = Archive.Number == 1 ? todays : null;
    }
}
