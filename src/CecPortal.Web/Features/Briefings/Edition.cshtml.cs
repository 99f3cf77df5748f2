namespace CecPortal.Web.Features.Briefings;

/// <summary>One edition at its stable address, <c>/briefings/yyyy-MM-dd</c>; drafts and scheduled ones answer 404.</summary>
public sealed class EditionModel(BriefingReader reader, BriefingReads reads) : PageModel
{
    public BriefingView Briefing { get; private set; } = null!;

    public DateOnly? Previous { get; private set; }

    public DateOnly? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string date, CancellationToken cancellationToken)
    {
        if (!BriefingDates.TryParse(date, out var editionDate))
        {
            return NotFound();
        }

        if (await reader.EditionAsync(editionDate, cancellationToken) is not { } edition)
        {
            return NotFound();
        }

        (Briefing, Previous, Next) = (edition.Briefing, edition.Previous, edition.Next);

        // The home's "read" means the newest edition was opened; an older one from the archive says nothing about it.
        if (edition.Next is null)
        {
            await reads.MarkReadAsync(Actor.Of(User).Id, editionDate, cancellationToken);
        }

        return Page();
    }
}
