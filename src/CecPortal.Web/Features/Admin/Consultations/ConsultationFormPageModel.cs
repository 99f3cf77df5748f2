namespace CecPortal.Web.Features.Admin.Consultations;

/// <summary>The new and edit pages: the form and the sector and country lists its audience picks from.</summary>
public abstract class ConsultationFormPageModel(AppDbContext db) : PageModel, IReloadAfterRefusal
{
    [BindProperty]
    public ConsultationForm Input { get; set; } = new();

    public IReadOnlyList<Choice> SectorChoices { get; private set; } = [];

    public IReadOnlyList<Choice> CountryChoices { get; private set; } = [];

    public sealed record Choice(string Code, string Name);

    public Task ReloadAfterRefusalAsync(CancellationToken cancellationToken) => LoadChoicesAsync(cancellationToken);

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        SectorChoices = await db.Sectors.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new Choice(s.Code, s.Name)).ToListAsync(cancellationToken);
        CountryChoices = await db.Countries.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Code.Trim(), c.Name)).ToListAsync(cancellationToken);
    }
}
